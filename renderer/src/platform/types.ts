/**
 * The renderer's one view of the machine it runs on. `desktop.ts` implements it over the preload
 * (`window.api`), `web.ts` over browser APIs; `index.ts` picks one at start-up. Features use
 * only this interface.
 */
export interface PlatformInfo {
  kind: 'desktop' | 'web';
  /** Human description, e.g. "Aplikasi desktop 0.1.0 (linux)" or "Peramban". */
  description: string;
  version: string;
  /** Where the data lives, in words the user can act on. */
  dataLocation: string;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  info(): Promise<PlatformInfo>;
}
