/** Backup names for the renderer's schedule and restore screen. */
import { describe, expect, it } from 'vitest';
import { BACKUP_NAME_PATTERN } from '../../../shared/ipc/contract';
import {
  BACKUP_REASON_LABELS,
  BACKUP_REASONS,
  backupFileName,
  freshBackupFileName,
  isDailyBackupDue,
  parseBackupFileName,
} from '../../../renderer/src/platform/backup-names';

describe('backup names', () => {
  const at = new Date(2026, 10, 22, 9, 30, 15);

  it("says when and why, and passes the store's name rule", () => {
    for (const reason of BACKUP_REASONS) {
      expect(BACKUP_REASON_LABELS[reason]).toMatch(/^[A-Z]/);
      const name = backupFileName(reason, at);
      expect(name).toBe(`cadangan-2026-11-22-093015-${reason}.spbe`);
      expect(BACKUP_NAME_PATTERN.test(name)).toBe(true);
      expect(parseBackupFileName(name)).toEqual({ takenAt: at, reason });
    }
  });

  it('never reuses a listed name: two backups within one second get consecutive seconds', async () => {
    const entry = (name: string) => ({ name, size: 1, createdAt: 0 });
    const store = {
      list: async () => [
        entry('cadangan-2026-11-22-093015-manual.spbe'),
        entry('cadangan-2026-11-22-093016-manual.spbe'),
        entry('cadangan-2026-11-22-093017-harian.spbe'),
      ],
    };
    expect(await freshBackupFileName(store, 'manual', at)).toBe(
      'cadangan-2026-11-22-093017-manual.spbe',
    );
    expect(await freshBackupFileName(store, 'harian', at)).toBe(
      'cadangan-2026-11-22-093015-harian.spbe',
    );
  });

  it('does not parse names it did not make', () => {
    expect(parseBackupFileName('catatan.spbe')).toBeNull();
    expect(parseBackupFileName('cadangan-2026-11-22-093015-lain.spbe')).toBeNull();
  });

  it('a daily backup is due until one was taken that calendar day', () => {
    const entry = (name: string) => ({ name, size: 1, createdAt: 0 });
    const yesterday = backupFileName('harian', new Date(2026, 10, 21, 23, 59, 0));
    const todayManual = backupFileName('manual', new Date(2026, 10, 22, 8, 0, 0));
    expect(isDailyBackupDue([entry(yesterday), entry(todayManual)], at)).toBe(true);
    const todayDaily = backupFileName('harian', new Date(2026, 10, 22, 0, 1, 0));
    expect(isDailyBackupDue([entry(todayDaily)], at)).toBe(false);
  });
});
