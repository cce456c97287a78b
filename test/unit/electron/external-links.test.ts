/** shell.openExternal only for http(s), only after the user confirms in Indonesian. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  confirmAndOpenExternal,
  EXTERNAL_LINK_DIALOG,
  externalUrl,
} from '../../../electron/main/external-links';
import { dialog, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

beforeEach(() => vi.clearAllMocks());

describe('externalUrl', () => {
  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://spbe/index.html',
    'https://user:secret@evil.example/',
    'http:///',
    'tidak sah',
  ])('refuses %s', (url) => expect(externalUrl(url)).toBeNull());

  it('accepts an ordinary web address', () => {
    expect(externalUrl('https://www.menpan.go.id/site/')?.href).toBe(
      'https://www.menpan.go.id/site/',
    );
  });
});

describe('confirmAndOpenExternal', () => {
  it('never asks about, nor opens, a refused URL', async () => {
    await expect(confirmAndOpenExternal('file:///etc/passwd', null, vi.fn())).resolves.toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('asks in Indonesian, with Batal as the default, and opens only on "Buka"', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(confirmAndOpenExternal('https://spbe.go.id/x', null, vi.fn())).resolves.toBe(
      false,
    );
    expect(shell.openExternal).not.toHaveBeenCalled();
    const options = dialog.showMessageBox.mock.calls[0]![0] as Electron.MessageBoxOptions;
    expect(options).toMatchObject({
      title: EXTERNAL_LINK_DIALOG.title,
      message: 'Buka tautan ini di peramban web?',
      buttons: ['Buka di peramban', 'Batal'],
      defaultId: 1,
      cancelId: 1,
    });
    expect(options.detail).toContain('https://spbe.go.id/x');

    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(confirmAndOpenExternal('https://spbe.go.id/x', null, vi.fn())).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://spbe.go.id/x');
  });

  it('shows one confirmation at a time', async () => {
    let answer: (v: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const first = confirmAndOpenExternal('https://a.example/', null, vi.fn());
    await expect(confirmAndOpenExternal('https://b.example/', null, vi.fn())).resolves.toBe(false);
    answer({ response: 0, checkboxChecked: false });
    await expect(first).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
