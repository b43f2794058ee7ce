/** `GET /tickets/{id}/print`'s query (issue 13 item 6): which form, when the kind has several. */
import * as z from 'zod/mini';
import { PRINT_FORMS } from '../app/print/form-names';

export const printTicketQuery = z.strictObject({ form: z.optional(z.enum(PRINT_FORMS)) });
