/**
 * Where a handler gets its dependencies. In AWS each handler builds its own, once per container,
 * on first use; the local runtime and tests provide local ones (adjustable clock, outbox, timer
 * rows) here before they serve. Handlers never know which. This is the seam between
 * `functions/` (which reads it) and `infra/local` (which writes it), so neither imports the other.
 */
import type { Deps } from './app/deps';
import type { IvrDeps } from './app/ivr-calls';

let provided: Deps | undefined;

/** Used by the local runtime and tests: every handler then uses these. */
export function provideDeps(deps: Deps | undefined): void {
  provided = deps;
}

/** A lazily built, cached dependency set; `provideDeps` wins over it. */
export function depsFrom<T>(build: () => T): () => T | Deps {
  let built: T | undefined;
  return () => {
    if (provided) return provided;
    if (built === undefined) built = build();
    return built;
  };
}

/** The IVR handlers' dependencies, and where the Twilio auth token comes from. */
export interface IvrRuntime {
  deps: IvrDeps;
  /** The Twilio account's auth token; absent in AWS, where it comes from SSM. */
  authToken?: () => Promise<string>;
}

let providedIvr: IvrRuntime | undefined;

/** Used by the local runtime and tests: the IVR handlers then use these. */
export function provideIvr(runtime: IvrRuntime | undefined): void {
  providedIvr = runtime;
}

/** A lazily built, cached IVR runtime; `provideIvr` wins over it. */
export function ivrRuntimeFrom(build: () => IvrRuntime): () => IvrRuntime {
  let built: IvrRuntime | undefined;
  return () => {
    if (providedIvr) return providedIvr;
    if (built === undefined) built = build();
    return built;
  };
}
