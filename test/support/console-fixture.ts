/**
 * A stand-in for web/dist: the AWS stack uploads the built console (ADR 024); the infra tests
 * synthesise it from this small folder instead of building web/ with Vite first.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/aws/stack';

export const CONSOLE_FIXTURE = join(PROJECT_ROOT, 'test/infra/fixtures/console-build');
