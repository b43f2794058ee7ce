/**
 * One DynamoDB Local per data folder: a second start on a folder whose engine still serves a live
 * desk, or that an engine without a pid file serves, is refused with a message saying what to do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderInUse, PID_FILE, startDynamoLocal } from '../../infra/local/dynamo';

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-folder-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a second DynamoDB Local on one data folder', () => {
  it('is refused while the first serves a live desk, and while an engine no pid file names serves it', async () => {
    // Prepare: an engine on the folder, started by this (living) process.
    const dataDir = join(temp, 'dynamodb');
    const first = await startDynamoLocal({ dataDir });
    try {
      // Act
      const whileOwned = await startDynamoLocal({ dataDir }).catch((error: unknown) => error);
      rmSync(join(dataDir, PID_FILE));
      const unnamed = await startDynamoLocal({ dataDir }).catch((error: unknown) => error);

      // Assess
      expect(whileOwned).toBeInstanceOf(DataFolderInUse);
      expect((whileOwned as Error).message).toContain(`another desk (pid ${process.pid}`);
      expect((whileOwned as Error).message).toContain('ESTATE_DESK_DATA');
      expect(unnamed).toBeInstanceOf(DataFolderInUse);
      expect((unnamed as Error).message).toContain(`kill ${first.pid}`);
    } finally {
      await first.stop();
    }
  }, 120_000);
});
