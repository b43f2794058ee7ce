/**
 * EM-3: the responders sent to the scene (security, engineering, elevator, repair leads), their
 * arrival and their reports back, through their own link or recorded by the desk.
 */
import { Forbidden, IllegalTransition } from '../errors';
import type { RuleContext } from '../kind';
import type { Role, StaffMember } from '../park';
import { staffWithRole } from '../park';
import { guardStep } from './lifecycle';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyTicket, Person, Via } from './model';
import { actsForTheDesk } from './people';

/** EM-3: everyone the directory names for the responder roles, each once, in the roles' order. */
export function respondersFor(
  roles: readonly Role[],
  staff: readonly StaffMember[],
): (Person & { role: Role })[] {
  const seen = new Set<string>();
  const out: (Person & { role: Role })[] = [];
  for (const role of roles) {
    for (const s of staffWithRole(staff, role)) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push({ staffId: s.id, name: s.name, role });
    }
  }
  return out;
}

/** EM-3: a responder on the scene, or their report back; the desk may record it for them. */
export function decideResponder(
  ticket: EmergencyTicket,
  command: { type: 'on-scene' } | { type: 'report'; text: string },
  staffId: string,
  via: Via,
): EmergencyDraft {
  guardStep(ticket, command.type);
  const responder = ticket.responders.find((r) => r.staffId === staffId);
  if (!responder) {
    throw new Forbidden(
      `EM-3: ${staffId} was not sent to the scene of this emergency ` +
        `(responders: ${ticket.responders.map((r) => r.staffId).join(', ') || 'none'})`,
    );
  }
  const who = { staffId, name: responder.name };
  if (command.type === 'on-scene') {
    if (responder.onSceneAt)
      throw new IllegalTransition(`${responder.name} is on the scene since ${responder.onSceneAt}`);
    return { type: 'emergency.on-scene', data: { ...who, via } };
  }
  return { type: 'emergency.reported', data: { ...who, text: command.text, via } };
}

/** EM-3 through the API: whom the step is for; only the desk or a manager records someone else's. */
function responderOf(command: { staffId?: string }, { actor }: RuleContext): string {
  const staffId = command.staffId ?? actor.staffId;
  if (staffId !== actor.staffId && !actsForTheDesk(actor)) {
    throw new Forbidden('only the desk or a manager may record a responder other than themselves');
  }
  return staffId;
}

/** EM-3: a responder reports themselves on the scene (or the desk does it for one who phoned). */
export function onScene(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'on-scene' }>,
  ctx: RuleContext,
): EmergencyDraft {
  return decideResponder(ticket, { type: 'on-scene' }, responderOf(command, ctx), ctx.actor.via ?? 'api');
}

/** EM-3: a responder's report back to the desk (报回调度). */
export function report(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'report' }>,
  ctx: RuleContext,
): EmergencyDraft {
  return decideResponder(
    ticket,
    { type: 'report', text: command.text },
    responderOf(command, ctx),
    ctx.actor.via ?? 'api',
  );
}

/** EM-3 follow-through: the timer that names to the owner the responders not yet on the scene. */
export const SCENE_TIMER = 'scene-due';

/**
 * EM-3 follow-through (issue 11 item 16): the park's time to the scene has passed; those who have
 * not reported themselves there are named to the owner, who phones them. Nothing when all are there.
 */
export function sceneTimerDue(ticket: EmergencyTicket): EmergencyDraft | undefined {
  const timer = ticket.timers[SCENE_TIMER];
  const missing = ticket.responders
    .filter((r) => !r.onSceneAt)
    .map((r): Person => ({ staffId: r.staffId, name: r.name }));
  if (!timer || missing.length === 0) return undefined;
  return { type: 'emergency.not-on-scene', data: { dueAt: timer.dueAt, missing } };
}
