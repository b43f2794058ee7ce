/**
 * How long the queue takes to be usable (issue 14: "the queue with 1,000 tickets renders (first
 * contentful paint to interactive) under 1.5 s against the local desk"), measured in the page on
 * the browser's own clock, from the navigation's start (0):
 *
 * - `fcpMs`: first contentful paint (the frame: header and menu);
 * - `rowsMs`: the queue's `performance.mark('queue-rows')`, set once its first rows are committed;
 * - `interactiveMs`: the later of the rows and the end of the last long task (a main-thread task
 *   over 50 ms, PerformanceObserver `longtask`) before a click on a filter — from then on the page
 *   answers input at once;
 * - `clickMs`: that click (the 只看超时 switch) from the event to the switch showing it on.
 *
 * None is timed by the test runner, whose round trips to the browser would count its own load.
 */
import type { Page } from 'playwright-core';

export interface QueueTiming {
  fcpMs: number;
  rowsMs: number;
  interactiveMs: number;
  clickMs: number;
  /** When the queue's chunk had arrived, and the first GET /tickets went out and came back. */
  queueChunkMs: number;
  lists: string[];
  /** Long tasks before the click. */
  longTasks: number;
  /** Rows the queue showed on its first table page, and how many it had loaded. */
  rows: number;
  loaded: string;
}

/*
 * The page's side, as source text: the project's tsconfig has no DOM library (node code only), and
 * these run in the browser.
 */

/** Once per page, before it loads anything: the long tasks, and the filter click's event time. */
const WATCH = `(() => {
  const timing = { longTaskEnds: [] };
  window.__queueTiming = timing;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) timing.longTaskEnds.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('click', (event) => {
    const toggle = event.target && event.target.closest('[role="switch"][aria-label="只看超时"]');
    if (!toggle || timing.clickAt !== undefined) return;
    timing.clickAt = event.timeStamp;
    new MutationObserver((_, observer) => {
      if (toggle.getAttribute('aria-checked') !== 'true') return;
      timing.respondedAt = performance.now();
      observer.disconnect();
    }).observe(toggle, { attributes: true, attributeFilter: ['aria-checked'] });
  }, true);
})()`;

const FIGURES = `(() => {
  const t = window.__queueTiming || { longTaskEnds: [] };
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const rows = performance.getEntriesByName('queue-rows')[0];
  const clickAt = t.clickAt === undefined ? NaN : t.clickAt;
  const rowsAt = rows ? rows.startTime : NaN;
  const before = t.longTaskEnds.filter((end) => end <= clickAt);
  const resources = performance.getEntriesByType('resource');
  const chunk = resources.find((r) => r.name.includes('/assets/Queue-') && r.name.endsWith('.js'));
  const lists = resources.filter((r) => r.name.includes('/tickets?'));
  return {
    queueChunkMs: Math.round(chunk ? chunk.responseEnd : NaN),
    lists: lists.map((r) => Math.round(r.startTime) + '→' + Math.round(r.responseEnd) + ' ' + r.name.split('?')[1]),
    longTasks: before.length,
    fcpMs: Math.round(fcp ? fcp.startTime : NaN),
    rowsMs: Math.round(rowsAt),
    interactiveMs: Math.round(Math.max(rowsAt, ...before)),
    clickMs: Math.round((t.respondedAt === undefined ? NaN : t.respondedAt) - clickAt),
  };
})()`;

export async function watchQueueTiming(page: Page): Promise<void> {
  await page.addInitScript({ content: WATCH });
}

/**
 * Opens `url` (a queue, signed in already in this tab) as a fresh navigation and measures it; the
 * 只看超时 switch is left on (the caller may turn it off).
 */
export async function measureQueue(page: Page, url: string): Promise<QueueTiming> {
  await page.goto(url);
  const rows = page.locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  await page.waitForFunction("performance.getEntriesByName('queue-rows').length > 0");
  const shown = await rows.count();
  const loaded = (await page.getByTestId('queue-loaded').textContent()) ?? '';
  await page.getByRole('switch', { name: '只看超时' }).click();
  await page.waitForFunction('window.__queueTiming && window.__queueTiming.respondedAt !== undefined');
  const figures = (await page.evaluate(FIGURES)) as Omit<QueueTiming, 'rows' | 'loaded'>;
  return { ...figures, rows: shown, loaded };
}

export function timingLine(t: QueueTiming): string {
  return (
    `FCP ${t.fcpMs} ms, rows ${t.rowsMs} ms, interactive ${t.interactiveMs} ms, filter click answered in ` +
    `${t.clickMs} ms (${t.rows} rows shown; ${t.loaded}); queue chunk in at ${t.queueChunkMs} ms, first ` +
    `GET /tickets ${t.lists.join(', ')} ms, ${t.longTasks} long tasks`
  );
}
