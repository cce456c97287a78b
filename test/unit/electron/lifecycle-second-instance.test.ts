/** A second launch that does not get the single-instance lock quits at once and does nothing else. */
import { expect, it, vi } from 'vitest';
import { app, BrowserWindow, ipcMain } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

it('quits without opening a window or registering anything', async () => {
  app.requestSingleInstanceLock.mockReturnValueOnce(false);
  await import('../../../electron/main/index');
  await new Promise((r) => setTimeout(r, 20));
  expect(app.quit).toHaveBeenCalled();
  expect(app.whenReady).not.toHaveBeenCalled();
  expect(BrowserWindow.instances).toEqual([]);
  expect(ipcMain.handle).not.toHaveBeenCalled();
  expect(app.listenerCount('second-instance')).toBe(0);
});
