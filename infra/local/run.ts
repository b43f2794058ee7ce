/**
 * One local desk on one data folder, as `npm start` runs it (and the tests that restart it):
 * DynamoDB Local on the folder's `dynamodb/`, watched and started again if it exits; the desk with
 * the folder's signing keys, stream checkpoint and clock.
 */
import { type Desk, startDesk } from './desk';
import { type DynamoLocal, startDynamoLocal } from './dynamo';
import { localSigningKey } from './jwt';
import { dataPaths, LOCAL_TABLE } from './paths';

export interface LocalRunOptions {
  dataDir: string;
  /** The desk's port (default 3000; 0 = any free one). */
  port?: number;
  host?: string;
  /** DynamoDB Local's port (default: a free one). */
  dynamoPort?: number;
  /** How often the stream and timers are checked in the background (default 250 ms). */
  pollIntervalMs?: number;
  /** The built web console to serve at `/` (ADR 023). */
  consoleDir?: string;
}

export interface LocalRun {
  desk: Desk;
  dynamo: DynamoLocal;
  /** Stops the desk, then DynamoDB Local. */
  stop(): Promise<void>;
}

export async function runLocal(options: LocalRunOptions): Promise<LocalRun> {
  const files = dataPaths(options.dataDir);
  const dynamo = await startDynamoLocal({
    dataDir: files.dynamoDir,
    ...(options.dynamoPort ? { port: options.dynamoPort } : {}),
    restartOnExit: true,
  });
  let desk: Desk;
  try {
    desk = await startDesk({
      dynamoEndpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE,
      jwtKey: localSigningKey(files.jwtKeyFile),
      // Emergency SMS links stay valid across restarts: their key is kept beside the JWT key.
      ackLinkKey: localSigningKey(files.ackLinkKeyFile),
      port: options.port ?? 3000,
      host: options.host ?? '127.0.0.1',
      dataDir: files.root,
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    });
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return {
    desk,
    dynamo,
    stop: async () => {
      await desk.close().catch(() => undefined);
      await dynamo.stop();
    },
  };
}
