/**
 * The daily backup schedule: at most one "harian" backup per calendar day, none while there is
 * no evaluation to protect, none when nothing changed since the last backup the app wrote, and a
 * visible status when it fails. Backups and restores run one at a time.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { openDatabase } from '../../../renderer/src/db/lifecycle';
import {
  BackupService,
  type KeyValue,
} from '../../../renderer/src/features/backups/backup-service';
import { parseBackupFileName } from '../../../renderer/src/platform/backup-names';
import type { BackupStore, Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, edit, populate } from '../db/backup-helpers';
import { resetDatabase } from '../db/helpers';

class MemoryStorage implements KeyValue {
  private readonly map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, value);
}

let clock = new Date(2026, 10, 22, 8, 0, 0);
const service = (store: BackupStore = webBackupStore, storage = new MemoryStorage()) =>
  new BackupService({ backups: store } as unknown as Platform, { now: () => clock, storage });

const reasons = async () =>
  (await webBackupStore.list()).map((e) => parseBackupFileName(e.name)?.reason);

beforeAll(async () => {
  await openDatabase();
});

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
  clock = new Date(2026, 10, 22, 8, 0, 0);
});

describe('daily backup', () => {
  it('takes nothing while there is no evaluation to protect', async () => {
    const s = service();
    await s.runDailyIfDue();
    expect(await webBackupStore.list()).toEqual([]);
    expect(s.getState().daily?.kind).toBe('empty');
  });

  it('takes one backup a day, and another when the day changes and the data did', async () => {
    const ids = await populate();
    const s = service();
    await s.runDailyIfDue();
    expect(await reasons()).toEqual(['harian']);
    expect(s.getState().daily).toMatchObject({ kind: 'done' });

    clock = new Date(2026, 10, 22, 17, 0, 0);
    await saveAnswer(ids.balikpapan, 5, edit(2), actor);
    await s.runDailyIfDue();
    expect(await reasons()).toEqual(['harian']);

    clock = new Date(2026, 10, 23, 8, 0, 0);
    await s.runDailyIfDue();
    expect(await reasons()).toEqual(['harian', 'harian']);
  });

  it('skips a day whose data is what the last backup already holds', async () => {
    const ids = await populate();
    const storage = new MemoryStorage();
    await service(webBackupStore, storage).takeBackup();
    clock = new Date(2026, 10, 23, 8, 0, 0);
    const s = service(webBackupStore, storage);
    await s.runDailyIfDue();
    expect(await reasons()).toEqual(['manual']);
    expect(s.getState().daily).toMatchObject({ kind: 'unchanged' });

    // A change later that day: the next check takes the day's backup.
    await saveAnswer(ids.mojokerto, 7, edit(3), actor);
    await s.runDailyIfDue();
    expect((await reasons()).sort()).toEqual(['harian', 'manual']);
  });

  it('says so when the backup fails, and tries again at the next check', async () => {
    await populate();
    let fail = true;
    const flaky: BackupStore = {
      ...webBackupStore,
      write: async (name, content, signal) => {
        if (fail) throw new Error('Ruang penyimpanan penuh');
        return webBackupStore.write(name, content, signal);
      },
    };
    const s = service(flaky);
    await s.runDailyIfDue();
    expect(s.getState().daily).toMatchObject({
      kind: 'failed',
      message: 'Ruang penyimpanan penuh',
    });
    expect(s.getState().activity.kind).toBe('idle');
    fail = false;
    await s.runDailyIfDue();
    expect(s.getState().daily).toMatchObject({ kind: 'done' });
  });
});

describe('one at a time', () => {
  it('runs backups in turn, never two at once', async () => {
    await populate();
    let running = 0;
    let most = 0;
    const counting: BackupStore = {
      ...webBackupStore,
      write: async (name, content, signal) => {
        running += 1;
        most = Math.max(most, running);
        try {
          return await webBackupStore.write(name, content, signal);
        } finally {
          running -= 1;
        }
      },
    };
    const s = service(counting);
    const seen: string[] = [];
    s.subscribe((state) => seen.push(state.activity.kind));
    await Promise.all([s.takeBackup(), s.runDailyIfDue(), s.takeBackup()]);
    expect(most).toBe(1);
    expect(seen).toContain('running');
    expect(s.getState().activity.kind).toBe('idle');
  });
});
