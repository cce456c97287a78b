/**
 * The application menu, in Indonesian. Edit, view and window entries use Electron's roles
 * (their native behaviour, Indonesian labels); the file menu has the app's own real actions.
 * Reload and developer tools exist only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Shows the open dialog for a .spbe file and hands it to the renderer. */
  openBundle(): void;
  openBackupFolder(): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  isMac: boolean;
  isPackaged: boolean;
  appName: string;
}

export function menuTemplate(
  actions: MenuActions,
  { isMac, isPackaged, appName }: MenuOptions,
): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about', label: `Tentang ${appName}` },
            { type: 'separator' },
            { role: 'hide', label: `Sembunyikan ${appName}` },
            { role: 'hideOthers', label: 'Sembunyikan Lainnya' },
            { role: 'unhide', label: 'Tampilkan Semua' },
            { type: 'separator' },
            { role: 'quit', label: `Keluar dari ${appName}` },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'Berkas',
      submenu: [
        {
          label: 'Buka Berkas Evaluasi (.spbe)…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.openBundle(),
        },
        { type: 'separator' },
        { label: 'Buka Folder Cadangan', click: () => actions.openBackupFolder() },
        { label: 'Buka Folder Data Aplikasi', click: () => actions.openDataFolder() },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Tutup Jendela' } : { role: 'quit', label: 'Keluar' },
      ],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'resetZoom', label: 'Ukuran Sebenarnya' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar Penuh' },
        ...(isPackaged
          ? []
          : ([
              { type: 'separator' },
              { role: 'reload', label: 'Muat Ulang (pengembangan)' },
              { role: 'toggleDevTools', label: 'Alat Pengembang (pengembangan)' },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      label: 'Jendela',
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: 'Minimalkan' },
        ...(isMac
          ? ([
              { role: 'zoom', label: 'Perbesar Jendela' },
              { type: 'separator' },
              { role: 'front', label: 'Bawa Semua ke Depan' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'close', label: 'Tutup Jendela' },
      ],
    },
    {
      label: 'Bantuan',
      role: 'help',
      submenu: [{ role: 'about', label: `Tentang ${appName}` }],
    },
  ];
}
