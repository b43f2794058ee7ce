/** Reading `-c key=value` / cdk.json context: a string, or undefined when absent or blank. */
import type { IConstruct } from 'constructs';

export function contextString(scope: IConstruct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`CDK context ${key} must be a string, got ${typeof value}`);
  return value.trim() || undefined;
}
