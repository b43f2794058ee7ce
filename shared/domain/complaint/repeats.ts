/**
 * CH-1 (经业主多次提出而得不到解决): a complaint from the same unit about the same department (a
 * complaint about a person is about their department too) within REPEAT_WINDOW_DAYS is the same
 * matter raised again. It is linked to the earlier ones, and the third time the resident raises
 * it — a new complaint, or a dissatisfied callback (CH-6) — a valid complaint becomes major.
 * The app finds the earlier complaints (one Query on an index, ADR 016); the rules only count.
 */
import type { ComplaintSeverity, ComplaintTicket, GradingData, RepeatLink } from './model';

/** CH-1: how far back an earlier complaint of the same unit and department counts as a repeat. */
export const REPEAT_WINDOW_DAYS = 30;
/** CH-1: the time the resident raises the same matter that makes it major. */
export const REPEAT_RAISES_TO_MAJOR = 3;
/** How many earlier complaints are read and linked at most (the newest). */
export const REPEAT_LINKS_MAX = 10;

/** How many times the resident raised it: this complaint, its dissatisfied callbacks, the earlier ones. */
export function timesRaised(links: readonly RepeatLink[] | undefined, ownRepeats = 0): number {
  return 1 + ownRepeats + (links ?? []).reduce((n, l) => n + Math.max(1, l.times), 0);
}

/** An earlier complaint as a link: raised once, and once more for each dissatisfied callback. */
export function repeatLinkOf(earlier: Pick<ComplaintTicket, 'id' | 'number' | 'repeats'>): RepeatLink {
  return {
    id: earlier.id,
    ...(earlier.number ? { number: earlier.number } : {}),
    times: 1 + (earlier.repeats ?? 0),
  };
}

/** CH-1: whether a valid complaint of `severity` raised `times` times becomes major. */
export function raisesToMajor(
  valid: boolean | undefined,
  severity: ComplaintSeverity | undefined,
  times: number,
) {
  return valid === true && severity !== undefined && severity !== 'major' && times >= REPEAT_RAISES_TO_MAJOR;
}

/**
 * CH-1: a grading with the earlier complaints linked, raised to major the third time (a grading
 * already major stays so). `ownRepeats`: the complaint's own dissatisfied callbacks.
 */
export function withRepeats(
  graded: GradingData,
  earlier: readonly RepeatLink[] | undefined,
  ownRepeats = 0,
): GradingData {
  const { repeatOf: _links, repeatRaisedFrom: _raised, ...rest } = graded;
  const links = earlier?.length ? [...earlier] : undefined;
  const out: GradingData = { ...rest, ...(links ? { repeatOf: links } : {}) };
  if (raisesToMajor(graded.valid, graded.severity, timesRaised(links, ownRepeats))) {
    return { ...out, severity: 'major', repeatRaisedFrom: graded.severity };
  }
  return out;
}
