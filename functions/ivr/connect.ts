/**
 * Amazon Connect: the contact flow's "Invoke AWS Lambda function" block. Reads the contact id, the
 * instance it came through, the caller's number and the flow's parameters (kind, description, unit,
 * category); the park is the instance's, from CONNECT_INSTANCES (an instance not there is refused
 * with `transfer`); opens the contact's one ticket; returns a flat string map (status, ticketNumber,
 * ticketNumberSpoken, prompt) for the flow to play. Connect waits at most 8 seconds; this answers in
 * well under one.
 */
import type { ConnectContactFlowEvent, ConnectContactFlowResult } from 'aws-lambda';
import { answerConnect } from '../../shared/app/ivr-calls';
import { ivrRuntime } from './lib/deps';

export async function handler(event: ConnectContactFlowEvent): Promise<ConnectContactFlowResult> {
  const contact = event?.Details?.ContactData;
  return answerConnect(ivrRuntime().deps, {
    contactId: contact?.ContactId,
    phone: contact?.CustomerEndpoint?.Address,
    instanceArn: contact?.InstanceARN,
    parameters: event?.Details?.Parameters ?? {},
  });
}
