/**
 * Which printed form fits which ticket kind (issue 13 item 6, `GET /tickets/{id}/print?form=`):
 * each kind has its form, printed when none is named; a complaint has two (CH-4's report sheet and
 * CH-6's disposal register). A form that does not fit the kind is a 400 naming `form`.
 */
import { InvalidInput } from '../../domain/errors';
import type { TicketKind } from '../../domain/ticket';
import { FORMS_OF_KIND, type PrintForm } from './form-names';
import type { TicketView } from '../queries';
import { complaintReportSheet } from './complaint';
import { complaintRecord } from './complaint-record';
import { emergencyReport } from './emergency';
import type { PrintContext } from './format';
import type { PrintDocument } from './html';
import { keySlipForm } from './key';
import { moveInChecklist } from './move-in';
import { repairWorkOrder } from './repair';

/** The form to print for a ticket of `kind`: the one asked for if it fits, else 400 on `form`. */
export function formFor(kind: TicketKind, form: PrintForm | undefined): PrintForm {
  const forms = FORMS_OF_KIND[kind];
  if (form === undefined) return forms[0] as PrintForm;
  if (!forms.includes(form)) {
    throw new InvalidInput(
      'PRINT.FORM_NOT_FOR_KIND',
      `form ${form} is not a form of a ${kind} ticket; its forms: ${forms.join(', ')}`,
      'form',
    );
  }
  return form;
}

/** The filled form of `view` (as its reader may see it): `requested`, or the kind's own. */
export function printDocument(
  view: TicketView,
  requested: PrintForm | undefined,
  ctx: PrintContext,
): PrintDocument {
  const form = formFor(view.kind, requested);
  switch (view.kind) {
    case 'repair':
      return repairWorkOrder(view, ctx);
    case 'complaint':
      return form === 'record' ? complaintRecord(view, ctx) : complaintReportSheet(view, ctx);
    case 'key':
      return keySlipForm(view, ctx);
    case 'move-in':
      return moveInChecklist(view, ctx);
    case 'emergency':
      return emergencyReport(view, ctx);
  }
}
