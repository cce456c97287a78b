/**
 * Opening web links outside the app (Electron security checklist item 15: never hand
 * shell.openExternal a URL without checking it). Only http(s) URLs without embedded
 * credentials are accepted, and the user confirms each one in a native dialog that shows the
 * full address. One confirmation at a time: a page cannot queue up a stack of dialogs.
 */
import { dialog, shell, type BrowserWindow } from 'electron';

/** The URL when it may be offered to the system browser, else null. */
export function externalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url;
}

export const EXTERNAL_LINK_DIALOG = {
  title: 'Buka tautan di luar aplikasi',
  message: 'Buka tautan ini di peramban web?',
  buttons: ['Buka di peramban', 'Batal'],
  note: 'Tautan dibuka di luar Evaluasi SPBE dan memerlukan jaringan internet.',
};

let asking = false;

/** Asks the user, then opens the link in the system browser. True when it was opened. */
export async function confirmAndOpenExternal(
  raw: string,
  parent: BrowserWindow | null,
  log: (message: string) => void = console.warn,
): Promise<boolean> {
  const url = externalUrl(raw);
  if (!url) {
    log(`Tautan luar ditolak: ${raw}`);
    return false;
  }
  if (asking) return false;
  asking = true;
  try {
    const options: Electron.MessageBoxOptions = {
      type: 'question',
      title: EXTERNAL_LINK_DIALOG.title,
      message: EXTERNAL_LINK_DIALOG.message,
      detail: `${url.href}\n\n${EXTERNAL_LINK_DIALOG.note}`,
      buttons: EXTERNAL_LINK_DIALOG.buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = parent
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    // Reviewed (Electronegativity OPEN_EXTERNAL_JS_CHECK): only http(s) without credentials,
    // shown in full and confirmed by the user just above.
    await shell.openExternal(url.href); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return true;
  } finally {
    asking = false;
  }
}
