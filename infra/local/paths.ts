/** Where the local desk keeps its data: .data/ at the project root (git-ignored). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DATA_DIR = resolve(process.env.ESTATE_DESK_DATA ?? resolve(PROJECT_ROOT, '.data'));
export const DYNAMO_DIR = resolve(DATA_DIR, 'dynamodb');
export const JWT_KEY_FILE = resolve(DATA_DIR, 'local-jwt.key');
export const LOCAL_TABLE = 'estate-desk';
