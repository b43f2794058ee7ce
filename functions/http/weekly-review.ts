/** GET /reviews/weekly?week=2026-W48[&parkId=]: DS-7's weekly review of the park's complaints (ADR 022). */
import { getWeeklyReview } from '../../shared/app/weekly-review';
import { weeklyReviewQuery } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf, queryOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, await getWeeklyReview(httpDeps(), principal, queryOf(event, weeklyReviewQuery)));
});
