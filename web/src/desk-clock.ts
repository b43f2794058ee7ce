/**
 * "Now" as the desk sees it. On AWS that is the browser's clock. On the local desk the clock can be
 * moved (本地时钟与短信, `POST /local/clock`), so the defaults a form fills in — a complaint's 发生时间,
 * a repair's 期望时间 — follow the desk's clock, or a demo set to last Wednesday would open a
 * complaint "in the future" and be refused (COMPLAINT.OCCURRED_IN_FUTURE).
 */
import { useEffect, useState } from 'react';
import { consoleConfig } from './config';
import { type LocalClock, local } from './local';

let offsetMs = 0;

/** Milliseconds since the epoch on the desk's clock. */
export function deskNow(): number {
  return Date.now() + offsetMs;
}

/** Reads the local desk's clock (nothing to read on AWS); a failure leaves the browser's clock. */
export async function syncDeskClock(): Promise<void> {
  if ((await consoleConfig()).mode !== 'local') return;
  try {
    const clock = await local<LocalClock>('GET', 'clock');
    offsetMs = Date.parse(clock.now) - Date.now();
  } catch {
    // The browser's own clock: defaults may need a correction by hand, nothing else depends on it.
  }
}

/** False until the desk's clock has been read on this page's visit, then true. */
export function useDeskClock(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void syncDeskClock().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
