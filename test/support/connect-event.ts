/**
 * An Amazon Connect contact flow's "Invoke AWS Lambda function" event (ContactFlowEvent), as the IVR's
 * Connect Lambda receives it: an inbound voice contact from `phone` through `instanceArn`, with the
 * flow's `parameters`.
 */
import type { ConnectContactFlowEvent } from 'aws-lambda';

export function connectContactEvent(contact: {
  contactId: string;
  phone: string;
  /** Left out or empty in the tests of a flow with no instance. */
  instanceArn: string | undefined;
  parameters: Record<string, string>;
}): ConnectContactFlowEvent {
  const { contactId, phone, instanceArn, parameters } = contact;
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: {},
        Channel: 'VOICE',
        ContactId: contactId,
        CustomerEndpoint: { Address: phone, Type: 'TELEPHONE_NUMBER' },
        InitialContactId: contactId,
        InitiationMethod: 'INBOUND',
        InstanceARN: instanceArn,
        PreviousContactId: contactId,
        Queue: null,
        SystemEndpoint: { Address: '+862100000000', Type: 'TELEPHONE_NUMBER' },
        MediaStreams: { Customer: { Audio: null } },
      },
      Parameters: parameters,
    },
  } as unknown as ConnectContactFlowEvent;
}
