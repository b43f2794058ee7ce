/**
 * `npx tsx test/bench/probe-init.ts`: what makes a handler bundle slow to initialise. Bundles small
 * variants (one library, one module, the SDK baseline plus one library) with the CDK's esbuild options and
 * times `require()` in fresh node processes like run.ts does (median of BENCH_INIT_RUNS, default 20,
 * all variants interleaved round-robin so drift hits each alike).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../../infra/aws/bundling';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIR = join(ROOT, '.bench', 'probe-init');
const RUNS = Number(process.env.BENCH_INIT_RUNS) || 20;
const SDK = `export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n`;
const fn = (path: string) => join(ROOT, path).replaceAll('\\', '/');

/** label → entry source (an .ts file written under .bench/probe-init/src). */
const VARIANTS: Record<string, string> = {
  'empty module': 'export const x = 1;\n',
  'sdk baseline (dynamo + lib)': SDK,
  'zod: import { z } (namespace)': `export { z } from 'zod';\n`,
  'zod: named imports only': `export { strictObject, string, literal, discriminatedUnion, number, boolean, iso, enum as zenum } from 'zod';\n`,
  'zod/mini: import { z }': `export { z } from 'zod/mini';\n`,
  'zod/mini: what schemas.ts uses': `export { strictObject, string, optional, regex, iso, enum as zenum } from 'zod/mini';\n`,
  'shared/schemas/index.ts': `export * from '${fn('shared/schemas/index.ts')}';\n`,
  '@middy/core': `export { default } from '@middy/core';\n`,
  'sdk baseline + zod namespace': `${SDK}export { z } from 'zod';\n`,
  'sdk baseline + schemas.ts': `${SDK}export * from '${fn('shared/schemas/index.ts')}';\n`,
  'sdk baseline + middy': `${SDK}export { default as middy } from '@middy/core';\n`,
  'open-ticket handler': `export * from '${fn('functions/http/open-ticket.ts')}';\n`,
  'get-ticket handler (no zod)': `export * from '${fn('functions/http/get-ticket.ts')}';\n`,
  'effects baseline (5 SDK pkgs)': `${SDK}export { SchedulerClient } from '@aws-sdk/client-scheduler';\nexport { SNSClient } from '@aws-sdk/client-sns';\nexport { unmarshall } from '@aws-sdk/util-dynamodb';\n`,
  'effects handler': `export * from '${fn('functions/streams/effects.ts')}';\n`,
};

const CHILD =
  'const p=process.argv[1];const t=performance.now();require(p);process.stdout.write(String(performance.now()-t));';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, 'src'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_REGION: 'ap-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  delete env.NODE_OPTIONS;
  const built: { label: string; file: string; kb: number; times: number[] }[] = [];
  for (const [i, [label, source]] of Object.entries(VARIANTS).entries()) {
    const src = join(DIR, 'src', `v${i}.ts`);
    const file = join(DIR, `v${i}.cjs`);
    writeFileSync(src, source);
    const options = esbuildOptionsFor(src, file);
    await build(options);
    built.push({ label, file, kb: statSync(file).size / 1024, times: [] });
  }
  const once = (file: string) => {
    const out = spawnSync(process.execPath, ['-e', CHILD, file], { env, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`${file}: ${out.stderr}`);
    return Number(out.stdout);
  };
  for (const b of built) once(b.file); // page cache
  for (let r = 0; r < RUNS; r++) for (const b of built) b.times.push(once(b.file));
  const w = Math.max(...built.map((b) => b.label.length));
  console.log(`${'variant'.padEnd(w)} | size KB | init ms (median of ${RUNS})`);
  for (const b of built) {
    console.log(
      `${b.label.padEnd(w)} | ${b.kb.toFixed(1).padStart(7)} | ${median(b.times).toFixed(2).padStart(7)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
