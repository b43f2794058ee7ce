/**
 * What every printed form shares (issue 13 item 6): the context it is printed in (the park's name
 * and zone, the directory's names, when) and the small readings of times, people and yes/no the
 * forms write. A form is built from the ticket as its reader may see it (views.ts), never from the
 * stored ticket: what a role reads on paper is what the JSON view shows it.
 */
import type { Actor } from '../../domain/ticket';
import { wallClock } from '../../domain/time';
import type { TicketView, TimelineEntry } from '../queries';

export interface PrintContext {
  parkName: string;
  /** The park's IANA zone: every time on paper is read on the park's clocks. */
  timeZone: string;
  /** Staff id → name, from the park's directory (who signed, who was told). */
  names: ReadonlyMap<string, string>;
  /** When it is printed. */
  now: Date;
}

/** A ticket view of one kind. */
export type ViewOf<K extends TicketView['kind']> = Extract<TicketView, { kind: K }>;

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-11-27 15:00` as the park's clocks read it; '' for no time (a box left to write in). */
export function localTime(iso: string | undefined, ctx: Pick<PrintContext, 'timeZone'>): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const w = wallClock(instant, ctx.timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

export function printedAt(ctx: PrintContext): string {
  return localTime(ctx.now.toISOString(), ctx);
}

/** A member of staff by id: their directory name, else the id (a person since left the directory). */
export function staffName(ctx: PrintContext, staffId: string | undefined, known?: string): string {
  if (!staffId) return known ?? '';
  return known ?? ctx.names.get(staffId) ?? staffId;
}

/** Who did a step: the name the event carries, the directory's, or 系统 for the desk's own clocks. */
export function actorName(ctx: PrintContext, actor: Actor | undefined): string {
  if (!actor) return '';
  if (actor.staffId === 'system') return '系统';
  return staffName(ctx, actor.staffId, actor.name);
}

export const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? '是' : '否');

/** Yuan as printed on a form: `¥80.00`. */
export const yuan = (amount: number): string => `¥${amount.toFixed(2)}`;

/** The view's events (not its SMS) of the given types, in time order. */
export function eventsOf(view: TicketView, ...types: string[]): TimelineEntry[] {
  return view.timeline.filter((e) => e.type !== 'sms' && types.includes(e.type));
}

/** The last event of a type, when there is one. */
export function lastEvent(view: TicketView, type: string): TimelineEntry | undefined {
  return eventsOf(view, type).at(-1);
}

/** A string field of an event's data ('' when absent or not a string). */
export function text(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** `name(phone)`, the phone as the view gives it (masked for a reader who may not see it). */
export function person(name: string, phone?: string): string {
  return phone ? `${name}(${phone})` : name;
}
