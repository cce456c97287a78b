/** The application menu: Indonesian, and every entry does something real. */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menu';

vi.mock('electron', () => import('./electron-mock'));

const actions = () => ({ openBundle: vi.fn(), openBackupFolder: vi.fn(), openDataFolder: vi.fn() });
const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);

describe('menuTemplate', () => {
  it('has the Indonesian top-level menus', () => {
    const menu = menuTemplate(actions(), {
      isMac: false,
      isPackaged: true,
      appName: 'Evaluasi SPBE',
    });
    expect(menu.map((m) => m.label)).toEqual([
      'Berkas',
      'Sunting',
      'Tampilan',
      'Jendela',
      'Bantuan',
    ]);
  });

  it('gives every entry a role or an action, and an Indonesian label', () => {
    for (const isMac of [false, true]) {
      const menu = menuTemplate(actions(), { isMac, isPackaged: false, appName: 'Evaluasi SPBE' });
      for (const item of items(menu)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item)).toBeTruthy();
        expect(item.label).not.toMatch(
          /^(File|Edit|View|Window|Help|Undo|Redo|Cut|Copy|Paste|Quit)$/,
        );
        expect(Boolean(item.role || item.click || item.submenu), item.label).toBe(true);
      }
    }
  });

  it('runs the file actions', () => {
    const a = actions();
    const menu = menuTemplate(a, { isMac: false, isPackaged: true, appName: 'Evaluasi SPBE' });
    const byLabel = (label: string) => items(menu).find((i) => i.label === label)!;
    const open = byLabel('Buka Berkas Evaluasi (.spbe)…');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    (open.click as () => void)();
    (byLabel('Buka Folder Cadangan').click as () => void)();
    (byLabel('Buka Folder Data Aplikasi').click as () => void)();
    expect(a.openBundle).toHaveBeenCalledTimes(1);
    expect(a.openBackupFolder).toHaveBeenCalledTimes(1);
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(byLabel('Keluar').role).toBe('quit');
  });

  it('has no reload or developer tools in a packaged build', () => {
    const roles = (isPackaged: boolean) =>
      items(menuTemplate(actions(), { isMac: false, isPackaged, appName: 'Evaluasi SPBE' })).map(
        (i) => i.role,
      );
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('has the macOS application menu only on macOS', () => {
    const mac = menuTemplate(actions(), {
      isMac: true,
      isPackaged: true,
      appName: 'Evaluasi SPBE',
    });
    expect(mac[0]!.label).toBe('Evaluasi SPBE');
    expect(items(mac).find((i) => i.role === 'quit')!.label).toBe('Keluar dari Evaluasi SPBE');
  });
});
