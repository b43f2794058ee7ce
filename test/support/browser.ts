/**
 * A headless Chromium for the console's browser tests (ADR 023): Debian's `chromium` (Playwright
 * cannot download its own here; `.ci/run` installs it), driven by playwright-core from vitest. A
 * page records every console error and uncaught exception, checks itself with axe-core, and writes
 * screenshots to .screenshots/ (git-ignored, so `npm test` leaves the tree clean); with
 * `UPDATE_SCREENSHOTS=1` to docs/screenshots/, the README's pictures.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../infra/local/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(PROJECT_ROOT, 'docs', 'screenshots')
  : join(PROJECT_ROOT, '.screenshots');

/** What a user waits for: generous, so a loaded machine is slow, never failing. */
export const UI_TIMEOUT = 45_000;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: CI and this machine run as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and page errors so far, each as text. */
  errors: string[];
  /** A 4xx a step provokes on purpose (the browser logs it as a console error): ignored while `fn` runs. */
  expectingApiError<T>(fn: () => Promise<T>): Promise<T>;
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors: string[] = [];
  let tolerate = false;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (tolerate && /status of 4\d\d/.test(msg.text())) return;
    errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    page,
    errors,
    async expectingApiError(fn) {
      tolerate = true;
      try {
        return await fn();
      } finally {
        tolerate = false;
      }
    },
  };
}

/** axe-core's serious and critical violations on the page as it is now, as `id: target` lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
