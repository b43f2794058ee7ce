/** POST /reviews/weekly/{week}/decisions: DS-7: the office's head (管理处负责人) confirms a recorded case or decides a new way (ADR 022). */
import { recordReviewDecision } from '../../shared/app/weekly-review';
import { reviewDecisionBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const week = event.pathParameters?.week ?? '';
  return json(201, {
    entry: await recordReviewDecision(httpDeps(), principal, week, jsonBody(event, reviewDecisionBody)),
  });
});
