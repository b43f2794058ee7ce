/** Where the local desk keeps its data: .data/ at the project root (git-ignored). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DATA_DIR = resolve(process.env.ESTATE_DESK_DATA ?? resolve(PROJECT_ROOT, '.data'));
export const DYNAMO_DIR = resolve(DATA_DIR, 'dynamodb');
export const JWT_KEY_FILE = resolve(DATA_DIR, 'local-jwt.key');
export const LOCAL_TABLE = 'estate-desk';

/** The files of one data folder (`npm start` uses DATA_DIR; tests use a temporary one). */
export function dataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    /** DynamoDB Local's own folder, with the pid file of the engine serving it. */
    dynamoDir: resolve(root, 'dynamodb'),
    jwtKeyFile: resolve(root, 'local-jwt.key'),
    ackLinkKeyFile: resolve(root, 'ack-link.key'),
    /** The last stream record processed, per shard: a restart resumes after it. */
    checkpointFile: resolve(root, 'stream-checkpoint.json'),
    /** The local clock's offset from real time: a restart keeps the desk's time. */
    clockFile: resolve(root, 'clock.json'),
  };
}
