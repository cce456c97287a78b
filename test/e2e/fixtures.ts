/**
 * Shared e2e fixture: every page is watched for console errors and uncaught exceptions, and a
 * test fails if any occurred (the renderer must run clean). When a test fails, the page is asked
 * what state it is in (does its main thread answer, does it still paint frames, what has focus),
 * and the answer is attached as text, which the list reporter prints in the CI log.
 */
import { test as base, expect, type Page } from '@playwright/test';

/** How long a failed test's page gets to answer each probe before it is called unresponsive. */
const PROBE_MS = 5_000;

async function bounded<T>(what: Promise<T>): Promise<T | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${PROBE_MS} ms`), PROBE_MS);
  });
  try {
    return await Promise.race([what, gaveUp]);
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Lines saying whether the page still runs script and paints, and where it is. */
export async function probePage(page: Page): Promise<string> {
  if (page.isClosed()) return 'page: closed';
  const state = await bounded(
    page.evaluate(() => {
      const active = document.activeElement;
      const name =
        !active || active === document.body
          ? ''
          : (active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 60) ?? '');
      return [
        `url: ${location.href}`,
        `visibility: ${document.visibilityState}, focus: ${document.hasFocus()}`,
        `active element: <${active?.tagName.toLowerCase() ?? 'none'}> ${name}`,
        `open dialogs: ${document.querySelectorAll('dialog[open]').length}`,
      ].join('\n');
    }),
  );
  const frames = await bounded(
    page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve('two frames painted'))),
        ),
    ),
  );
  return `${state}\nanimation frames: ${frames}`;
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('page-state', {
          body: await probePage(page),
          contentType: 'text/plain',
        });
      }
      expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
