/** Chooses the platform once at start-up: desktop when the preload is present, else web. */
import { createDesktopPlatform, desktopApi } from './desktop';
import type { Platform } from './types';
import { webPlatform } from './web';

export type { Platform, PlatformInfo } from './types';

export function detectPlatform(): Platform {
  const api = desktopApi();
  return api ? createDesktopPlatform(api) : webPlatform;
}
