/**
 * Files handed to the app from outside: a `.spbe` double-clicked in the file manager (the first
 * launch's argv, a second launch's argv forwarded by the single-instance lock, macOS
 * `open-file`). They wait here until the main window's renderer takes them (file:take-opened),
 * so a file that arrives before the page has loaded is not lost.
 */
import path from 'node:path';

export const isBundlePath = (arg: string): boolean =>
  !arg.startsWith('-') && arg.toLowerCase().endsWith('.spbe');

/**
 * The `.spbe` paths in a command line. Switches (Chromium adds some to a second instance's
 * argv) are skipped; relative paths are resolved against the launching process's folder.
 */
export function bundlePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter(isBundlePath)
    .map((arg) => path.resolve(cwd, arg));
}

export class OpenedFiles {
  private pending: string[] = [];

  add(paths: readonly string[]): boolean {
    let added = false;
    for (const p of paths) {
      if (!this.pending.includes(p)) {
        this.pending.push(p);
        added = true;
      }
    }
    return added;
  }

  take(): string[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  get size(): number {
    return this.pending.length;
  }
}
