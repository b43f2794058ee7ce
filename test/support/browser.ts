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

/** A laptop's screen unless `viewport` says otherwise (a tablet: 820×1180 upright, 1180×820 on its side). */
export async function watchedPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<WatchedPage> {
  const viewport = options.viewport ?? { width: 1280, height: 860 };
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
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

/**
 * What a console test does as its user, on one watched page: sign in by name, pick antd radios,
 * run a ticket command through its form, wait for a status — each waiting for what the user sees.
 */
export interface ConsoleUser {
  /** No serious or critical axe violation on the page as it is now (`where` names it in a failure). */
  accessible(where: string): Promise<void>;
  /** From the sign-in page (local): the person's button, then waits for the signed-in frame. */
  signInAs(name: string): Promise<void>;
  /** 切换用户, then signs in as `name`; the page the console was on comes back. */
  switchTo(name: string): Promise<void>;
  /** Picks an antd radio (or radio button) by its label. */
  radio(text: string): Promise<void>;
  /** Waits until the ticket page shows this status. */
  statusIs(text: string): Promise<void>;
  /** Opens a command's form by its button, fills it, confirms, and waits for the new status. */
  command(name: string, status: string, fill?: () => Promise<void>): Promise<void>;
  /** Picks `text` in an antd Select (opened by `combobox`): its visible option, not the a11y twin. */
  choose(combobox: import('playwright-core').Locator, text: string): Promise<void>;
}

/** antd spaces out a two-character Chinese label (确定 → 确 定): a button's name either way. */
export function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

export function consoleUser(watched: WatchedPage): ConsoleUser {
  const { page } = watched;
  const user: ConsoleUser = {
    async accessible(where) {
      const violations = await seriousA11yViolations(page);
      if (violations.length) throw new Error(`axe on ${where}:\n${violations.join('\n')}`);
    },
    async signInAs(name) {
      await page.getByRole('button', { name: `以${name}登录` }).click();
      await page.getByRole('button', { name: '切换用户' }).waitFor();
    },
    async switchTo(name) {
      await page.getByRole('button', { name: '切换用户' }).click();
      await user.signInAs(name);
    },
    async radio(text) {
      const choice = page.locator('label.ant-radio-wrapper, label.ant-radio-button-wrapper', {
        hasText: text,
      });
      await choice.click();
      await choice.locator('input').and(page.locator(':checked')).waitFor({ state: 'attached' });
    },
    async statusIs(text) {
      await page.getByTestId('ticket-status').filter({ hasText: text }).waitFor();
    },
    async command(name, status, fill) {
      await page.getByRole('button', { name: label(name) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await fill?.();
      await dialog.getByRole('button', { name: label('确定') }).click();
      await user.statusIs(status);
    },
    async choose(combobox, text) {
      await combobox.click();
      await combobox.fill(text).catch(() => undefined);
      await page.locator('.ant-select-item-option', { hasText: text }).first().click();
    },
  };
  return user;
}
