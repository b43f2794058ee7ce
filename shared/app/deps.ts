/** Everything a use case may touch, passed in; the composition roots build it (AWS or local). */
import type { AckLinkKeys, Clock, Directory, Ids, Sms, TicketStore, Timers } from '../ports';

export interface Deps {
  store: TicketStore;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  timers: Timers;
  sms: Sms;
  ackLinks: AckLinkKeys;
}

/** What request paths and the timer function use: no Scheduler, no SNS. */
export type CoreDeps = Omit<Deps, 'timers' | 'sms' | 'ackLinks'>;

/** What the emergency link pages use: the core plus the link keys. */
export type AckDeps = CoreDeps & Pick<Deps, 'ackLinks'>;
