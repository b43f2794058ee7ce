/**
 * GET /ack/{token}: the page an SMS link opens. Never records anything: SMS apps and link
 * previewers fetch links by themselves. No token needed: the signed link is the credential.
 */
import { viewAckLink } from '../../shared/app/ack-links';
import { ackHandler, renderAckPage, tokenOf } from './ack-html';
import { ackDeps } from './lib/ack-deps';

export const handler = ackHandler(async (event) =>
  renderAckPage(await viewAckLink(ackDeps(), tokenOf(event)), 'GET'),
);
