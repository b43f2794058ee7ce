/**
 * How every Lambda handler is bundled, in one place. The CDK stack (NodejsFunction `bundling`) and the
 * cold-start benchmark (esbuild JS API) both derive their options from `BUNDLE`, so what is measured is
 * what is deployed.
 *
 * This module imports types only: a benchmark script can load it without pulling in aws-cdk-lib.
 */
import type { BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

export const BUNDLE = {
  /** CommonJS measured faster to initialise than ESM on the Lambda Node.js runtime. */
  format: 'cjs',
  /** Matches Runtime.NODEJS_22_X. */
  target: 'node22',
  platform: 'node',
  minify: true,
  sourcemap: false,
  /**
   * Nothing is external: the AWS SDK v3 clients are bundled in, which measured faster to initialise
   * than loading the copy that ships in the runtime (and pins the SDK version we tested against).
   */
  external: [] as readonly string[],
  /** Warnings and errors only: no per-bundle size summary in every synth. */
  logLevel: 'warning',
} as const;

/** esbuild options equivalent to what NodejsFunction runs for `entryPath` (an absolute path is safest). */
export function esbuildOptionsFor(entryPath: string, outfile?: string): BuildOptions {
  return {
    entryPoints: [entryPath],
    bundle: true,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    format: BUNDLE.format,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    external: [...BUNDLE.external],
    logLevel: BUNDLE.logLevel,
    ...(outfile ? { outfile } : {}),
  };
}

/** The same settings as NodejsFunction `bundling` props; always bundles with the local esbuild. */
export const nodejsBundling: BundlingOptions = {
  format: BUNDLE.format as OutputFormat,
  target: BUNDLE.target,
  minify: BUNDLE.minify,
  sourceMap: BUNDLE.sourcemap,
  externalModules: [...BUNDLE.external],
  logLevel: BUNDLE.logLevel as LogLevel,
  forceDockerBundling: false,
};
