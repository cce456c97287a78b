/** The platform in Electron: the only module that touches `window.api` (the preload). */
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { Platform, PlatformInfo } from './types';

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
      };
    },
  };
}
