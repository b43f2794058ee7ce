/**
 * Small JSON files in the data folder that keep the local runtime's state across restarts (the
 * stream checkpoint, the clock's offset). Written whole to a temporary file and renamed over the
 * old one, so a crash mid-write leaves the old content, never half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { log } from '../../shared/log';

/** The file's JSON, or undefined when it is missing or unreadable (then the state starts afresh). */
export function readState<T>(file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    log.warn('local state file is not JSON; starting that state afresh', { file, error });
    return undefined;
  }
}

export function writeState(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}
