/** The window comes back where it was, but never off screen or larger than the screen. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  restoreWindowState,
  saveWindowStateSync,
  WINDOW_STATE_FILE,
  windowStateSchema,
} from '../../../electron/main/window-state';
import { readJsonFile } from '../../../electron/main/json-file';

const fullHd = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 1280, height: 984 };

describe('restoreWindowState', () => {
  it('opens centred at the default size the first time', () => {
    expect(restoreWindowState(null, [fullHd])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('keeps a position that is on screen', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(saved, [fullHd])).toEqual({
      bounds: { x: 100, y: 80, width: 1400, height: 900 },
      maximized: false,
    });
  });

  it('keeps the second monitor while it is there', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700, maximized: true };
    expect(restoreWindowState(saved, [fullHd, rightMonitor])).toEqual({
      bounds: { x: 2000, y: 100, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('centres on the primary screen when that monitor was unplugged', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [fullHd])).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('does not trust a title bar above the top of the screen', () => {
    const saved = { x: 100, y: -500, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [fullHd]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('shrinks a window larger than the screen and pulls it inside', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    const saved = { x: 300, y: 10, width: 2400, height: 1400, maximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
  });

  it('pulls a window hanging over the right edge back inside', () => {
    const saved = { x: 1700, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [fullHd]).bounds).toEqual({
      x: 920,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('never goes below the minimum size', () => {
    const saved = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreWindowState(saved, [fullHd]).bounds).toMatchObject({ width: 960, height: 600 });
  });
});

describe('saving and reading the state', () => {
  it('round-trips through userData, and a damaged file is ignored', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spbe-window-'));
    try {
      const state = { x: 1, y: 2, width: 1300, height: 850, maximized: true };
      saveWindowStateSync(dir, state);
      const file = path.join(dir, WINDOW_STATE_FILE);
      await expect(readJsonFile(file, windowStateSchema)).resolves.toEqual(state);
      await import('node:fs/promises').then((fs) => fs.writeFile(file, '{"x": "kiri"'));
      await expect(readJsonFile(file, windowStateSchema)).resolves.toBeNull();
      expect(await readFile(file, 'utf8')).toBe('{"x": "kiri"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
