/**
 * The platform in Electron: the only module that touches `window.api` (the preload). Capabilities
 * the desktop shell does not provide natively yet use the browser implementation, which works in
 * Electron's renderer as well.
 */
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { Platform, PlatformInfo } from './types';
import { webPlatform } from './web';

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

export function desktopApi(): DesktopApi | undefined {
  return window.api?.kind === 'desktop' ? window.api : undefined;
}

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    ...webPlatform,
    kind: 'desktop',
    info: async (): Promise<PlatformInfo> => {
      const result = await api.appInfo();
      if (!result.ok) throw new Error(result.error);
      const { version, platform, userDataPath } = result.value;
      return {
        kind: 'desktop',
        description: `Aplikasi desktop ${version} (${platform})`,
        version,
        dataLocation: `Folder data aplikasi: ${userDataPath}`,
        backupLocation: `Basis data cadangan di dalam folder data aplikasi (${userDataPath})`,
      };
    },
  };
}
