// Types of build-targets.mjs for the TypeScript tests that build the CLI.
export declare const root: string;
export declare function buildTarget(
  name: 'main' | 'preload' | 'cli' | 'bench',
  overrides?: Record<string, unknown>,
): Promise<void>;
