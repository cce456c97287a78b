/**
 * Printing an app route to PDF: the route is loaded in a hidden window of the app itself
 * (same origin, so it reads the same IndexedDB), and printed with Chromium's PDF printer on
 * A4 once the page says it is ready: the `data-print-ready` attribute on <body> (see
 * shared/ipc/contract.ts). The page owns its layout through CSS `@page` rules: margins,
 * landscape pages, the running header and "Halaman N dari M" (PRINT_PDF_SETTINGS), exactly as
 * when the same route is printed from a browser. A page that never gets ready (a bug, missing
 * data) ends in a clear error instead of a blank or half-drawn PDF.
 */
import type { BrowserWindow, WebContents } from 'electron';
import {
  PRINT_PDF_SETTINGS,
  PRINT_READY_ATTRIBUTE,
  type PrintReadyState,
} from '../../shared/ipc/contract';
import { UserFacingError } from './errors';
import { APP_URL } from './protocol';

export const PRINT_TIMEOUT_MS = 120_000;

/** The printToPDF options (PRINT_PDF_SETTINGS): A4, backgrounds, the page's CSS decides the rest. */
export function pdfOptions(): Electron.PrintToPDFOptions {
  return { ...PRINT_PDF_SETTINGS };
}

/**
 * Resolves with the body's print-ready state as soon as it is "true" or "error" (watching the
 * attribute, so no polling). Runs inside the page, in its main world; it only reads the DOM.
 */
export const WAIT_FOR_PRINT_READY_SCRIPT = `new Promise((resolve) => {
  const read = () => document.body.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)});
  const observer = new MutationObserver(() => {
    const state = read();
    if (state === 'true' || state === 'error') { observer.disconnect(); resolve(state); }
  });
  const state = read();
  if (state === 'true' || state === 'error') resolve(state);
  else observer.observe(document.body, { attributes: true, attributeFilter: [${JSON.stringify(PRINT_READY_ATTRIBUTE)}] });
})`;

export function waitForPrintReady(
  contents: Pick<WebContents, 'executeJavaScript'>,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<PrintReadyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserFacingError(
            'Halaman laporan tidak selesai disiapkan untuk dicetak. Periksa data laporan lalu coba lagi.',
          ),
        ),
      timeoutMs,
    );
  });
  const ready = contents.executeJavaScript(WAIT_FOR_PRINT_READY_SCRIPT) as Promise<PrintReadyState>;
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}

export const routeUrl = (route: string): string => `${APP_URL}#${route}`;

/** Prints `route` to PDF bytes in a window made by `createWindow`, then destroys the window. */
export async function printRouteToPdf(
  route: string,
  createWindow: () => BrowserWindow,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<Buffer> {
  const win = createWindow();
  try {
    await win.loadURL(routeUrl(route));
    const state = await waitForPrintReady(win.webContents, timeoutMs);
    if (state !== 'true') {
      throw new UserFacingError(
        'Laporan tidak dapat disiapkan untuk dicetak. Periksa data laporan lalu coba lagi.',
      );
    }
    return await win.webContents.printToPDF(pdfOptions());
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
