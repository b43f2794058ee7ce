/**
 * POST /ack/{token}: the page's forms. Records the step the link is for (EM-2 acknowledge, EM-3
 * on the scene or a report, EM-4 taking the desk's post, a technician's 接单 and 完工, a
 * complaint's signatures and its report that the work is done) as the person the link names.
 */
import { useAckLink } from '../../shared/app/ack-links';
import { ackHandler, formOf, renderAckPage, tokenOf } from './ack-html';
import { ackDeps } from './lib/ack-deps';

export const handler = ackHandler(async (event) => {
  const form = formOf(event);
  const view = await useAckLink(
    ackDeps(),
    tokenOf(event),
    form === 'too-large' ? { action: 'too-large' } : form,
  );
  return renderAckPage(view, 'POST');
});
