/** `npm start` as a person runs it: banner, health, data in the data folder, Ctrl-C stops Java too; no Java → one line. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamo';

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function javaProcesses(marker: string): string[] {
  const out = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((line) => line.includes('DynamoDBLocal') && line.includes(marker));
}

describe('npm start', () => {
  it('serves the desk with the banner, keeps data in the data folder, and Ctrl-C stops DynamoDB Local too', async () => {
    // Prepare
    const dataDir = join(temp, 'data');
    const port = await freePort();
    // Its own process group, as in a terminal, so "Ctrl-C" reaches npm, tsx and the desk alike.
    const child = spawn('npm', ['start'], {
      env: { ...process.env, PORT: String(port), ESTATE_DESK_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });

    // Act: wait for health.
    const deadline = Date.now() + 60_000;
    let health = 0;
    while (Date.now() < deadline && health !== 200) {
      health = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (health !== 200) await new Promise((r) => setTimeout(r, 200));
    }

    // Assess
    expect(health).toBe(200);
    expect(output).toContain(`http://127.0.0.1:${port}`);
    expect(output).toContain(dataDir);
    expect(output).toContain('npm run token -- dispatcher');
    expect(readdirSync(join(dataDir, 'dynamodb')).some((f) => f.endsWith('.db'))).toBe(true);
    expect(javaProcesses(dataDir)).toHaveLength(1);
    // The web console beside the API (ADR 023), built by npm start when web/dist was stale.
    const consolePage = await fetch(`http://127.0.0.1:${port}/`);
    expect(consolePage.headers.get('content-type')).toContain('text/html');
    expect(await consolePage.text()).toContain('<div id="root"></div>');

    const exited = new Promise<boolean>((done) => child.once('exit', () => done(true)));
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(true);
    // Java may outlive npm by a moment (it got the Ctrl-C too): wait for it rather than a fixed time.
    const gone = Date.now() + 30_000;
    while (javaProcesses(dataDir).length > 0 && Date.now() < gone)
      await new Promise((r) => setTimeout(r, 100));
    expect(javaProcesses(dataDir)).toEqual([]);
  }, 90_000);

  it('without Java it exits with one line saying what to install', () => {
    // A PATH with node and nothing else.
    const bin = join(temp, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    symlinkSync(process.execPath, join(bin, 'node'));
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const out = spawnSync(process.execPath, [tsx, 'infra/local/start.ts'], {
      env: { ...process.env, PATH: bin, ESTATE_DESK_DATA: join(temp, 'nojava') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    const lines = out.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('NodeVersionSupportWarning') && l.startsWith('estate-desk'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17.*openjdk-17-jre-headless/);
  }, 60_000);
});
