/**
 * What every call is answered with: the IVR's settings and dependencies, the principal it acts as,
 * and the facts the call tree looks up (the caller's unit, whom to put them through to).
 */
import { DEFAULT_IVR_PARK_ID, DEFAULT_IVR_VOICE, ENV } from '../../config';
import { emergencySettings } from '../../domain/emergency';
import type { Unit } from '../../domain/park';
import { staffWithRole } from '../../domain/park';
import { deskOnShift, propertyOfficeOnShift } from '../../domain/shift';
import { KIND_RULES } from '../../domain/tickets';
import type { CallerUnit, CallFacts, CallKind } from '../../ivr/call-tree';
import type { IvrVoice } from '../../ivr/twiml';
import type { CallStore } from '../../ports';
import type { Principal } from '../access';
import type { CoreDeps } from '../deps';
import { parseConnectInstances } from './connect-instances';

export interface IvrSettings {
  /** The park whose office number the IVR answers. */
  parkId: string;
  /** Public base URL of the desk (step URLs and signature checks). */
  baseUrl: string;
  voice: IvrVoice;
  /** Amazon Connect instance ARN → the park its contacts are for; an instance not here is refused. */
  connectInstances?: Readonly<Record<string, string>>;
  /** How long answering one call step may take before the caller is put through (default ANSWER_BUDGET_MS). */
  answerBudgetMs?: Partial<Record<'twilio' | 'connect', number>>;
}

/**
 * How long answering one step of a call may take, per provider, before the caller is put through to
 * a person instead: inside the function's timeout (Connect's 6 s, Twilio's 10 s, infra/aws/ivr.ts)
 * with room for the put-through itself, so the caller never meets the provider's own give-up
 * (Connect 8 s, Twilio 15 s). A burst on one register opens its tickets well inside this (ADR 010).
 */
export const ANSWER_BUDGET_MS = { connect: 5_000, twilio: 7_500 } as const;

/**
 * `work`'s answer, or `late()`'s once `ms` have passed. The work is not stopped: a ticket it opens
 * after all is the call's (its claim holds the ticket id), but the caller has been put through.
 */
export async function withinBudget<T>(work: Promise<T>, ms: number, late: () => Promise<T> | T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), ms);
  });
  try {
    const first = await Promise.race([work, timeout]);
    return first === 'late' ? await late() : first;
  } finally {
    clearTimeout(timer);
  }
}

export type IvrDeps = CoreDeps & { calls: CallStore; ivr: IvrSettings };

/** Voice, language and park from the environment, with the documented defaults. */
export function ivrSettingsFromEnv(env: NodeJS.ProcessEnv, baseUrl: string): IvrSettings {
  return {
    parkId: env[ENV.ivrParkId] || DEFAULT_IVR_PARK_ID,
    baseUrl,
    voice: {
      sayLanguage: env[ENV.ivrSayLanguage] || DEFAULT_IVR_VOICE.sayLanguage,
      voice: env[ENV.ivrVoice] || DEFAULT_IVR_VOICE.voice,
      speechLanguage: env[ENV.ivrSpeechLanguage] || DEFAULT_IVR_VOICE.speechLanguage,
    },
    // Malformed (the stack never deploys that): no instance is known, every contact is refused.
    connectInstances: parseConnectInstances(env[ENV.connectInstances]) ?? {},
    ...answerBudgetFrom(env[ENV.ivrAnswerBudgetMs]),
  };
}

/** The step budget for a provider: the settings', else IVR_ANSWER_BUDGET_MS, else ANSWER_BUDGET_MS. */
export function answerBudgetOf(deps: IvrDeps, provider: 'twilio' | 'connect'): number {
  return (
    deps.ivr.answerBudgetMs?.[provider] ??
    answerBudgetFrom(process.env[ENV.ivrAnswerBudgetMs]).answerBudgetMs?.[provider] ??
    ANSWER_BUDGET_MS[provider]
  );
}

/** IVR_ANSWER_BUDGET_MS, a whole number of milliseconds for both providers; anything else: the defaults. */
function answerBudgetFrom(raw: string | undefined): Pick<IvrSettings, 'answerBudgetMs'> {
  const ms = Number(raw);
  return raw && Number.isSafeInteger(ms) && ms > 0 ? { answerBudgetMs: { connect: ms, twilio: ms } } : {};
}

/** The IVR acts as a system member of the desk (the contract with the complaint and emergency kinds). */
export function ivrPrincipal(parkId: string): Principal {
  return { staffId: 'ivr', groups: ['dispatcher'], parks: [parkId], name: '电话语音' };
}

function callerUnit(unit: Unit, phone: string | undefined): CallerUnit {
  const resident = phone ? unit.residents.find((r) => r.phone === phone) : undefined;
  return { unit: unit.unit, address: unit.address, ...(resident ? { name: resident.name } : {}) };
}

/** A kind can be opened once its rules are registered (complaints and emergencies land separately). */
export function canOpenKind(kind: CallKind): boolean {
  return KIND_RULES[kind] !== undefined;
}

/** The lookups the call tree makes: the park's units and directory, and the call store. */
export function factsFor(deps: IvrDeps, parkId: string, from: string | undefined): CallFacts {
  return {
    unitsOfCaller: async (phone) =>
      (await deps.calls.unitsOfPhone(parkId, phone)).map((u) => callerUnit(u, phone)),
    unit: async (key) => {
      const unit = await deps.directory.unit(parkId, key);
      return unit ? callerUnit(unit, from) : undefined;
    },
    // 'desk' and 'duty' both reach the desk on shift by the park's calendar (working days and
    // holidays too), as SMS hand-offs do. An emergency goes there too: that person owns it (EM-2,
    // EM-4: the dispatcher, or out of hours the duty officer), so the caller speaks to whoever must act.
    // 'office': keys and move-ins (option 4) are the property office's, in office hours.
    phoneOf: async (who) => {
      const [park, staff] = await Promise.all([deps.directory.park(parkId), deps.directory.staff(parkId)]);
      if (!park) return undefined;
      const onShift = who === 'office' ? propertyOfficeOnShift : deskOnShift;
      return onShift(deps.clock.now(), park, staff)[0]?.phone;
    },
    canOpen: canOpenKind,
    // EM (issue 11 item 19): the desk on shift, then the park's emergency chain in its order.
    emergencyPhones: async () => {
      const [park, staff] = await Promise.all([deps.directory.park(parkId), deps.directory.staff(parkId)]);
      if (!park) return [];
      const chain = emergencySettings(park).settings.chain.flatMap((l) => staffWithRole(staff, l.role));
      const people = [...deskOnShift(deps.clock.now(), park, staff).slice(0, 1), ...chain];
      return [...new Set(people.map((p) => p.phone).filter(Boolean))];
    },
  };
}
