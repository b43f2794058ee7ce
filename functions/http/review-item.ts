/** POST /reviews/weekly/{week}/items: DS-7: the dispatcher records a case of the week that cannot be handled or lacks the means (ADR 022). */
import { recordReviewItem } from '../../shared/app/weekly-review';
import { reviewItemBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const week = event.pathParameters?.week ?? '';
  return json(201, {
    entry: await recordReviewItem(httpDeps(), principal, week, jsonBody(event, reviewItemBody)),
  });
});
