/** Build-time constants injected by Vite (and by the Vitest config). */
declare const __APP_VERSION__: string;
