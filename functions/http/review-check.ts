/** POST /reviews/weekly/{week}/check: DS-8: the office manager's signed weekly check of handling quality (ADR 022). */
import { recordReviewCheck } from '../../shared/app/weekly-review';
import { reviewCheckBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const week = event.pathParameters?.week ?? '';
  return json(201, {
    entry: await recordReviewCheck(httpDeps(), principal, week, jsonBody(event, reviewCheckBody)),
  });
});
