/**
 * The print-ready signal is one contract on both sides: the script main runs in the hidden
 * print window and the renderer's helper both wait for data-print-ready on <body>, set by the
 * route with setPrintReady.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRINT_READY_ATTRIBUTE } from '../../../shared/ipc/contract';
import { WAIT_FOR_PRINT_READY_SCRIPT } from '../../../electron/main/print';
import { setPrintReady, waitForPrintReady } from '../../../renderer/src/platform/print-ready';

vi.mock('electron', () => ({ protocol: {} }));

/** Runs main's in-page script here, as executeJavaScript would in the print window. */
const mainWaits = () => new Function(`return ${WAIT_FOR_PRINT_READY_SCRIPT}`)() as Promise<string>;
const tick = () => new Promise((r) => setTimeout(r, 10));

afterEach(() => setPrintReady(null));

describe('the print-ready signal', () => {
  it('main waits until the route sets "true", not for other values', async () => {
    let settled = false;
    const state = mainWaits().then((s) => {
      settled = true;
      return s;
    });
    await tick();
    document.body.setAttribute(PRINT_READY_ATTRIBUTE, 'false');
    await tick();
    expect(settled).toBe(false);
    setPrintReady('true');
    await expect(state).resolves.toBe('true');
  });

  it('main sees a state that was set before it started, including "error"', async () => {
    setPrintReady('error');
    await expect(mainWaits()).resolves.toBe('error');
  });

  it('the renderer helper waits the same way, and times out', async () => {
    const waiting = waitForPrintReady(1000);
    setPrintReady('true');
    await expect(waiting).resolves.toBe('true');
    setPrintReady(null);
    expect(document.body.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
    await expect(waitForPrintReady(20)).resolves.toBe('timeout');
  });
});
