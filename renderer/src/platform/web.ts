/** The platform in a plain browser: the same interface on browser APIs. */
import type { Platform, PlatformInfo } from './types';

export const webPlatform: Platform = {
  kind: 'web',
  info: async (): Promise<PlatformInfo> => ({
    kind: 'web',
    description: `Versi peramban ${__APP_VERSION__}`,
    version: __APP_VERSION__,
    dataLocation: `Penyimpanan peramban (IndexedDB) untuk alamat ${window.location.origin}`,
  }),
};
