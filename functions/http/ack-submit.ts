/**
 * POST /ack/{token}: the page's buttons. Records an acknowledgement (EM-2: stops the chain), an
 * arrival on the scene or a report back (EM-3), as the person the signed link names.
 */
import { useAckLink } from '../../shared/app/emergency-ack';
import { ackHandler, formOf, renderAckPage, tokenOf } from './ack-html';
import { ackDeps } from './lib/ack-deps';

export const handler = ackHandler(async (event) => {
  const form = formOf(event);
  const fields = form === 'too-large' ? { action: 'too-large' } : form;
  const view = await useAckLink(ackDeps(), tokenOf(event), {
    ...(fields.action ? { action: fields.action } : {}),
    ...(fields.text !== undefined ? { text: fields.text } : {}),
  });
  return renderAckPage(view, 'POST');
});
