/**
 * The main window's size, position and maximised state, remembered in userData between runs
 * and restored only where it is still visible: a monitor that was unplugged, or a resolution
 * that shrank, must not leave the window off screen or larger than the screen.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 960, height: 600 };
/** How much of the title bar must be on a screen for the saved position to be kept. */
const TITLE_BAR = { height: 32, minVisibleWidth: 120 };

export interface RestoredWindow {
  /** x and y are absent when the window should be centred on the primary screen. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), Math.max(min, max));

function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: clamp(width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(height, Math.min(MIN_SIZE.height, area.height), area.height),
  };
}

function titleBarVisibleOn(state: Rect, area: Rect): boolean {
  const left = Math.max(state.x, area.x);
  const right = Math.min(state.x + state.width, area.x + area.width);
  const top = state.y;
  return (
    right - left >= TITLE_BAR.minVisibleWidth &&
    top >= area.y &&
    top + TITLE_BAR.height <= area.y + area.height
  );
}

/**
 * Where to open the window. `workAreas` are the displays' work areas, the primary display's
 * first.
 */
export function restoreWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): RestoredWindow {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!saved)
    return { bounds: fitSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false };
  const area = workAreas.find((a) => titleBarVisibleOn(saved, a));
  if (!area) {
    return { bounds: fitSize(saved.width, saved.height, primary), maximized: saved.maximized };
  }
  const size = fitSize(saved.width, saved.height, area);
  return {
    bounds: {
      x: clamp(saved.x, area.x, area.x + area.width - size.width),
      y: clamp(saved.y, area.y, area.y + area.height - size.height),
      ...size,
    },
    maximized: saved.maximized,
  };
}

/** Written synchronously: it runs while the window closes, just before the app may exit. */
export function saveWindowStateSync(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.sementara`;
  try {
    writeFileSync(temp, `${JSON.stringify(state)}\n`);
    renameSync(temp, file);
  } catch {
    // Not being able to remember the window size is not worth bothering the user.
  }
}
