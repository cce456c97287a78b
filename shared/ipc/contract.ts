/**
 * The one IPC contract between the renderer and Electron main. Channels are named `area:action`;
 * every payload is parsed in main with the zod schema here; every reply is a `Result`. The
 * preload exposes exactly `DesktopApi`, nothing else (no ipcRenderer).
 */
import { z } from 'zod';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  userDataPath: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Channel name -> input schema. Outputs are typed by `DesktopApi`. */
export const channels = {
  'app:info': z.undefined(),
} as const;

export type Channel = keyof typeof channels;

/** What the preload exposes as `window.api`. */
export interface DesktopApi {
  readonly kind: 'desktop';
  appInfo(): Promise<Result<AppInfo>>;
}
