/** An emergency's events folded into the ticket; depends on the events alone, so a replay agrees. */
import { applyCalledAgain } from '../called-again';
import { settleTimers } from '../ticket';
import { ackPurpose, smsKey } from './chain';
import { SCENE_TIMER } from './responders';
import type { ChainMove, EmergencyEvent, EmergencyTicket } from './model';

/** The chain reaches its next step (with its timer) or runs out; the step it leaves stops waiting. */
function moveChain(
  ticket: EmergencyTicket,
  move: ChainMove,
  at: string,
  oldTimer: 'missed' | 'cancelled',
): EmergencyTicket {
  const current = ticket.chain.step?.timer;
  let timers = current ? settleTimers(ticket.timers, [current], oldTimer, at) : ticket.timers;
  if (move.to === 'exhausted') {
    return { ...ticket, status: 'unanswered', timers, chain: { ...ticket.chain, state: 'exhausted' } };
  }
  const step = move.to;
  timers = { ...timers, [step.timer]: { dueAt: step.dueAt, state: 'pending' } };
  const notified = [...ticket.chain.notified];
  for (const r of step.recipients) if (!notified.includes(r.staffId)) notified.push(r.staffId);
  return { ...ticket, timers, chain: { ...ticket.chain, step, notified } };
}

export function applyEmergencyEvent(
  ticket: EmergencyTicket | undefined,
  event: EmergencyEvent,
  opening?: { id: string; parkId: string },
): EmergencyTicket {
  if (event.type === 'emergency.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const d = event.data;
    const base: EmergencyTicket = {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'emergency',
      ...(d.number ? { number: d.number } : {}),
      status: 'escalating',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      ...(d.caller ? { caller: d.caller } : {}),
      ...(d.source ? { source: d.source } : {}),
      timers: {},
      category: d.category,
      location: d.location,
      description: d.description,
      owner: d.owner,
      chain: { levels: d.levels, rounds: d.rounds, state: 'running', notified: [] },
      responders: d.responders.map((r) => ({ ...r, reports: 0 })),
      instructions: [],
      procedure: d.procedure,
      undeliverable: [],
    };
    const moved = moveChain(base, d.move, event.at, 'cancelled');
    return d.sceneDueAt
      ? { ...moved, timers: { ...moved.timers, [SCENE_TIMER]: { dueAt: d.sceneDueAt, state: 'pending' } } }
      : moved;
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const t: EmergencyTicket = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'emergency.escalated':
    case 'emergency.unanswered':
      return moveChain(t, event.data.move, event.at, 'missed');
    case 'sms.undeliverable': {
      const d = event.data;
      const step = t.chain.step;
      const marked =
        step && d.purpose === ackPurpose(step)
          ? {
              ...t.chain,
              step: {
                ...step,
                recipients: step.recipients.map((r) =>
                  r.staffId === d.staffId ? { ...r, unreachable: true } : r,
                ),
              },
            }
          : t.chain;
      const next = {
        ...t,
        chain: marked,
        undeliverable: [...t.undeliverable, smsKey(d.smsEventSeq, d.index)],
      };
      return d.move ? moveChain(next, d.move, event.at, 'cancelled') : next;
    }
    case 'emergency.acknowledged': {
      const { via, round, level, staffId, name, note, recordedBy } = event.data;
      const current = t.chain.step?.timer;
      return {
        ...t,
        status: 'acknowledged',
        timers: current ? settleTimers(t.timers, [current], 'met', event.at) : t.timers,
        chain: {
          ...t.chain,
          state: 'acknowledged',
          acknowledgement: {
            staffId,
            name,
            round,
            level,
            via,
            at: event.at,
            ...(note ? { note } : {}),
            ...(recordedBy ? { recordedBy } : {}),
          },
        },
      };
    }
    case 'emergency.on-scene': {
      const responders = t.responders.map((r) =>
        r.staffId === event.data.staffId ? { ...r, onSceneAt: event.at } : r,
      );
      // EM-3: everyone there, nobody left to name: the scene timer is met.
      const all = responders.every((r) => r.onSceneAt);
      return {
        ...t,
        responders,
        timers: all ? settleTimers(t.timers, [SCENE_TIMER], 'met', event.at) : t.timers,
      };
    }
    case 'emergency.not-on-scene':
      return { ...t, timers: settleTimers(t.timers, [SCENE_TIMER], 'missed', event.at) };
    case 'emergency.reported':
      return {
        ...t,
        responders: t.responders.map((r) =>
          r.staffId === event.data.staffId
            ? { ...r, reports: r.reports + 1, lastReport: { at: event.at, text: event.data.text } }
            : r,
        ),
      };
    case 'emergency.handover-offered':
      return { ...t, handover: { to: event.data.to, offeredAt: event.at, offeredBy: event.actor.staffId } };
    case 'emergency.handover-accepted': {
      const { handover: _done, ...rest } = t;
      const how = event.data.from ? 'handover' : t.owner.how;
      return {
        ...rest,
        owner: { staffId: event.data.staffId, name: event.data.name, acceptedAt: event.at, how },
      };
    }
    case 'emergency.instruction-issued': {
      const d = event.data;
      return {
        ...t,
        instructions: [
          ...t.instructions,
          { ...d, state: 'open', issuedAt: event.at, issuedBy: event.actor.staffId },
        ],
        timers: { ...t.timers, [d.timer]: { dueAt: d.dueAt, state: 'pending' } },
      };
    }
    case 'emergency.instruction-done': {
      const item = t.instructions.find((i) => i.number === event.data.number);
      return {
        ...t,
        instructions: t.instructions.map((i) =>
          i.number === event.data.number
            ? { ...i, state: 'done', doneAt: event.at, result: event.data.result }
            : i,
        ),
        timers: item ? settleTimers(t.timers, [item.timer], 'met', event.at) : t.timers,
      };
    }
    case 'emergency.instruction-overdue': {
      const item = t.instructions.find((i) => i.number === event.data.number);
      return {
        ...t,
        instructions: t.instructions.map((i) =>
          i.number === event.data.number ? { ...i, state: 'overdue' } : i,
        ),
        timers: item ? settleTimers(t.timers, [item.timer], 'missed', event.at) : t.timers,
      };
    }
    case 'emergency.signed-off': {
      const { staffId, name, comment } = event.data;
      return { ...t, status: 'signed-off', signOff: { staffId, name, comment, at: event.at } };
    }
    case 'emergency.closed': {
      // EM-6: each instruction still open closes with the note on what became of it.
      const notes = new Map((event.data.notes ?? []).map((n) => [n.number, n.note]));
      return {
        ...t,
        status: 'closed',
        timers: settleTimers(t.timers, 'all', 'cancelled', event.at),
        instructions: t.instructions.map((i) => {
          const note = notes.get(i.number);
          return note !== undefined && i.state !== 'done' ? { ...i, state: 'closed', closeNote: note } : i;
        }),
      };
    }
    case 'caller.called-again':
      return applyCalledAgain(ticket, event);
  }
}
