/** RP-2 and RP-4: the desk's decision on a repair call, its checks, and the sentences said (RP-2, RP-3). */
import { RuleViolation } from '../errors';
import { chineseShort } from '../time';
import type { PaidService, RepairDecision, RepairDecisionInput, RepairIntake, RepairScript } from './model';

/** RP-2 / RP-3 wording, kept verbatim from the procedure. */
export const RP2_SENTENCES: Record<RepairDecision, string> = {
  dispatch: '我们马上派人去维修。',
  appointment: '对不起,我们暂时没有人。',
  decline: '对不起,我们没有此项服务。',
};
export const RP3_QUESTION = '请问还有什么要求。';
/** Said when the request is taken down before RP-2 is decided (the desk confirms with engineering). */
export const RECEIVED_SENTENCE = '您的报修已登记,我们与工程部确认后尽快给您答复。';

/**
 * The time to tell: the agreed appointment, else the wanted time — "尽快" when that is not after
 * `reference` (the IVR does not ask, and takes the call's time: as soon as possible).
 */
export function wantedTimeText(
  repair: { wantedAt: string; appointmentAt?: string },
  timeZone: string,
  reference: Date | undefined,
): string {
  if (repair.appointmentAt) return chineseShort(new Date(repair.appointmentAt), timeZone);
  const wanted = new Date(repair.wantedAt);
  const asap = reference !== undefined && wanted.getTime() <= reference.getTime();
  return asap ? '尽快' : chineseShort(wanted, timeZone);
}

/**
 * A fee as said and texted: whole yuan as they are (80), else yuan and fen (80.50) — a plain
 * decimal whatever the number, never `1e-7`.
 */
export function yuan(fee: number): string {
  return Number.isInteger(fee) ? BigInt(fee).toString() : fee.toFixed(2);
}

/** RP-4: what the resident is told of a paid special service before anything is dispatched. */
function feeSentence(paidService: PaidService | undefined): string {
  return paidService ? `本项为特约有偿服务,费用${yuan(paidService.fee)}元。` : '';
}

/** The sentences said when a request is taken down undecided: received, then RP-3's confirmation. */
function receivedScript(intake: RepairIntake, timeZone: string, now: Date | undefined): RepairScript {
  const when = wantedTimeText({ wantedAt: intake.wantedAt }, timeZone, now);
  return {
    decision: RECEIVED_SENTENCE,
    confirmation:
      `跟您确认一下:维修内容:${intake.description};地点:${intake.location};时间:${when}。` +
      `${feeSentence(intake.paidService)}${RP3_QUESTION}`,
  };
}

/**
 * The RP-2 and RP-3 sentences for this intake, in the park's time zone. Without a decision: the
 * received sentence, and "尽快" for a wanted time that is not after `now`.
 */
export function repairScript(intake: RepairIntake, timeZone: string, now?: Date): RepairScript {
  if (intake.decision === undefined) return receivedScript(intake, timeZone, now);
  let decision = RP2_SENTENCES[intake.decision];
  if (intake.decision === 'appointment' && intake.appointmentAt) {
    decision += `我们约定${chineseShort(new Date(intake.appointmentAt), timeZone)}上门维修。`;
  }
  if (intake.decision === 'decline' && intake.declineReason) {
    decision += intake.declineReason;
  }
  const when = wantedTimeText(
    {
      wantedAt: intake.wantedAt,
      ...(intake.decision === 'appointment' && intake.appointmentAt
        ? { appointmentAt: intake.appointmentAt }
        : {}),
    },
    timeZone,
    now,
  );
  const confirmation =
    intake.decision === 'decline'
      ? RP3_QUESTION
      : `跟您确认一下:维修内容:${intake.description};地点:${intake.location};` +
        `时间:${when}。${feeSentence(intake.paidService)}${RP3_QUESTION}`;
  return { decision, confirmation };
}

/**
 * RP-2 (exactly one outcome, with what it needs) and RP-4 (no dispatch or booking of a paid
 * service without the resident's consent). Used at opening and by `decide`.
 */
export function checkRepairDecision(input: RepairDecisionInput, now: Date): void {
  checkFee(input.paidService);
  if (input.decision === 'appointment') {
    if (!input.appointmentAt) {
      throw new RuleViolation(
        'REPAIR.APPOINTMENT_REQUIRED',
        'RP-2: an appointment needs appointmentAt',
        'appointmentAt',
      );
    }
    const appointment = Date.parse(input.appointmentAt);
    if (Number.isNaN(appointment)) {
      throw new RuleViolation('REPAIR.INVALID_TIME', 'appointmentAt is not a time', 'appointmentAt');
    }
    if (appointment <= now.getTime()) {
      throw new RuleViolation(
        'REPAIR.APPOINTMENT_IN_PAST',
        'RP-2: the appointment must be in the future',
        'appointmentAt',
      );
    }
  } else if (input.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      `RP-2: appointmentAt belongs to decision "appointment", not "${input.decision}"`,
      'appointmentAt',
    );
  }
  if (input.decision === 'decline' && !input.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_REQUIRED',
      'RP-2: a declined request needs declineReason, the explanation given to the resident',
      'declineReason',
    );
  }
  if (input.decision !== 'decline' && input.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'RP-2: declineReason belongs to decision "decline"',
      'declineReason',
    );
  }
  if (input.paidService && !input.paidService.consent && input.decision !== 'decline') {
    throw new RuleViolation(
      'REPAIR.PAID_SERVICE_CONSENT_REQUIRED',
      'RP-4: a paid special service is dispatched or booked only with the resident’s recorded consent',
      'paidService.consent',
    );
  }
}

/** RP-4: a paid service has a fee to tell the resident; 0 yuan is not a paid service. */
function checkFee(paidService: PaidService | undefined): void {
  if (paidService && !(paidService.fee > 0)) {
    throw new RuleViolation(
      'REPAIR.PAID_SERVICE_FEE_REQUIRED',
      'RP-4: a paid special service needs the fee told to the resident (more than 0 yuan)',
      'paidService.fee',
    );
  }
}

/** RP-2: a received request carries no outcome yet, so what belongs to one is refused until `decide`. */
export function checkReceived(intake: RepairIntake): void {
  checkFee(intake.paidService);
  if (intake.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      'RP-2: appointmentAt belongs to decision "appointment"; a request without a decision is only received',
      'appointmentAt',
    );
  }
  if (intake.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'RP-2: declineReason belongs to decision "decline"; a request without a decision is only received',
      'declineReason',
    );
  }
}
