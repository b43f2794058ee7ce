/** POST /tickets/{id}/{command}: one lifecycle step (assign, acknowledge, complete, close). */
import type { TicketCommand } from '../../shared/app/ticket-command';
import { limitWrites } from '../../shared/app/rate-limits';
import { recordTicketCommand } from '../../shared/app/ticket-command';
import { httpDeps } from './lib/deps';
import { HttpProblem, httpHandler, json, jsonBody, principalOf } from './lib/http';
import { commandBodies } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const name = event.pathParameters?.command ?? '';
  if (!Object.hasOwn(commandBodies, name)) {
    throw new HttpProblem(
      404,
      'ROUTE.NOT_FOUND',
      `unknown command "${name}"; one of: ${Object.keys(commandBodies).join(', ')}`,
    );
  }
  const type = name as keyof typeof commandBodies;
  const body = jsonBody(event, commandBodies[type] as (typeof commandBodies)['assign']);
  const command = { type, ...body } as TicketCommand;
  await limitWrites(httpDeps(), principal);
  const { view: ticket, event: recorded } = await recordTicketCommand(
    httpDeps(),
    principal,
    event.pathParameters?.id ?? '',
    command,
  );
  // Nothing recorded: the step would have changed nothing (the same person again, ADR 011).
  if (!recorded) return json(200, { ticket, unchanged: true });
  // A step that gives the dispatcher sentences to say (RP-2/RP-3 on `decide`) answers with them.
  const data = recorded.data as { script?: unknown };
  return json(200, { ticket, ...(data.script ? { script: data.script } : {}) });
});
