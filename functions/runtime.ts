/**
 * Where a handler gets its dependencies. In AWS each handler builds its own, once per container,
 * on first use; the local runtime provides local ones (adjustable clock, outbox, timer rows)
 * before it serves. Handlers never know which.
 */
import type { Deps } from '../shared/app/deps';

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
