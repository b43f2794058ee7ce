/**
 * The managers' records' requests (issue 13 items 3 and 5, ADR 022): the weekly review (DS-7,
 * DS-8) and the work log (DS-9). Built from schemas/index.ts's field types, which passes them in.
 */
import * as z from 'zod/mini';
import { REVIEW_TEXT_MAX } from '../domain/weekly-review';

type Text = (max: number) => z.ZodMiniString<string>;

/** The most entries one page of the work log's JSON holds. */
export const WORK_LOG_PAGE_MAX = 200;

export function recordsSchemas({ text, ticketId }: { text: Text; ticketId: z.ZodMiniString<string> }) {
  /** An ISO week as written: `2026-W48` (the week itself is checked by the use case: 400 `week`). */
  const week = z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'must be an ISO week, e.g. 2026-W48'));
  const weeklyReviewQuery = z.strictObject({ week, parkId: z.optional(text(64)) });
  /** DS-7: the dispatcher records a case that cannot be handled or lacks the means. */
  const reviewItemBody = z.strictObject({ ticketId, note: text(REVIEW_TEXT_MAX) });
  /** DS-7: the office's head confirms it or decides a new way. */
  const reviewDecisionBody = z.strictObject({ ticketId, decision: text(REVIEW_TEXT_MAX) });
  /** DS-8: the office manager's weekly check of handling quality. */
  const reviewCheckBody = z.strictObject({ note: text(REVIEW_TEXT_MAX), parkId: z.optional(text(64)) });
  const workLogQuery = z.strictObject({
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a park-local date, e.g. 2026-11-27')),
    parkId: z.optional(text(64)),
    format: z.optional(z.enum(['json', 'html'])),
    limit: z._default(
      z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(WORK_LOG_PAGE_MAX)),
      100,
    ),
    cursor: z.optional(text(2000)),
  });
  return { weeklyReviewQuery, reviewItemBody, reviewDecisionBody, reviewCheckBody, workLogQuery };
}
