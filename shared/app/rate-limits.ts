/**
 * What one token and one phone number may ask for (ADR 011): a counter item per principal (or
 * number) per fixed window, taken with one conditional UpdateItem, in DynamoDB so that every Lambda
 * container and the local desk count together. The windows run on the desk's clock.
 */
import { RateLimited } from '../domain/errors';
import { limitSettings, secondsUntil, windowOf } from '../domain/limits';
import type { Principal } from './access';
import type { CoreDeps } from './deps';

/** A counter outlives its window by this much before DynamoDB's TTL may purge it. */
const PURGE_AFTER_MS = 60 * 60_000;

/**
 * Counts one write (a POST with a token) against the principal's allowance, or refuses it with 429
 * `REQUEST.RATE_LIMITED` and when the window ends. The allowance is the park's the token is for
 * (its first park; the defaults for a token of every park).
 */
export async function limitWrites(deps: CoreDeps, principal: Principal): Promise<void> {
  const parkId = principal.parks === '*' ? undefined : principal.parks[0];
  const park = parkId ? await deps.directory.park(parkId) : undefined;
  const { writesPerToken, writeWindowSeconds } = limitSettings(park).settings;
  const now = deps.clock.now();
  const window = windowOf(now, writeWindowSeconds);
  const taken = await deps.store.takeUnder(
    `WRITES#${principal.staffId}#${writeWindowSeconds}#${window.index}`,
    writesPerToken,
    new Date(window.endsAt.getTime() + PURGE_AFTER_MS),
  );
  if (taken) return;
  const retryAfter = secondsUntil(now, window.endsAt);
  throw new RateLimited(
    'REQUEST.RATE_LIMITED',
    `this token has sent ${writesPerToken} changes in ${writeWindowSeconds} s, the park's limit; try again in ${retryAfter} s`,
    retryAfter,
  );
}

/**
 * Counts one phone call from `phone` to the park's IVR; false when the number is over its
 * allowance, and the call goes to a person instead of opening anything.
 */
export async function allowCall(deps: CoreDeps, parkId: string, phone: string): Promise<boolean> {
  const park = await deps.directory.park(parkId);
  const { ivrCallsPerPhone, ivrCallWindowMinutes } = limitSettings(park).settings;
  const window = windowOf(deps.clock.now(), ivrCallWindowMinutes * 60);
  return deps.store.takeUnder(
    `CALLS#${parkId}#${phone}#${ivrCallWindowMinutes}#${window.index}`,
    ivrCallsPerPhone,
    new Date(window.endsAt.getTime() + PURGE_AFTER_MS),
  );
}
