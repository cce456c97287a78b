/**
 * Names of automatic backups, for the renderer's backup schedule and restore screen (built on
 * `platform.backups`, which stores the files: Documents/Evaluasi SPBE/Cadangan on the desktop,
 * a browser database on the web). Names sort by time and say why the backup was taken:
 *
 *   cadangan-2026-11-22-093015-harian.spbe              the daily backup
 *   cadangan-2026-11-22-093015-sebelum-pembaruan.spbe   before a database upgrade
 *   cadangan-2026-11-22-093015-manual.spbe              the user asked for one
 *   cadangan-2026-11-22-093015-sebelum-pemulihan.spbe   the data as it was before a restore
 *   cadangan-2026-11-22-093015-sebelum-penghapusan.spbe the data before an evaluation was deleted
 *
 * Taking one:  await store.write(await freshBackupFileName(store, 'harian'), exportDatabase)
 * where `exportDatabase(sink, signal)` (db/backup.ts) streams the whole database into `sink`.
 * The store keeps the newest N (10 by default) and removes older ones after each write.
 */
import { BACKUP_NAME_PATTERN } from '../../../shared/ipc/contract';
import type { BackupEntry, BackupStore } from './types';

export const BACKUP_REASONS = [
  'harian',
  'sebelum-pembaruan',
  'manual',
  'sebelum-pemulihan',
  'sebelum-penghapusan',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Why a backup was taken, as the restore screen says it. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  harian: 'Cadangan harian otomatis',
  'sebelum-pembaruan': 'Sebelum pembaruan basis data',
  manual: 'Dibuat oleh pengguna',
  'sebelum-pemulihan': 'Sebelum pemulihan (data yang diganti)',
  'sebelum-penghapusan': 'Sebelum penghapusan evaluasi',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The file name of a backup taken at `at` (local time) for `reason`. */
export function backupFileName(reason: BackupReason, at: Date = new Date()): string {
  const name =
    `cadangan-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${reason}.spbe`;
  if (!BACKUP_NAME_PATTERN.test(name)) throw new Error(`Nama cadangan tidak sah: ${name}`);
  return name;
}

/**
 * The name for a backup about to be written into `store`: `backupFileName`, one second later
 * while a listed backup already has that name (two backups within one second must not overwrite
 * each other; names carry seconds only).
 */
export async function freshBackupFileName(
  store: Pick<BackupStore, 'list'>,
  reason: BackupReason,
  at: Date = new Date(),
): Promise<string> {
  const taken = new Set((await store.list()).map((e) => e.name));
  let time = at.getTime();
  let name = backupFileName(reason, new Date(time));
  while (taken.has(name)) {
    time += 1000;
    name = backupFileName(reason, new Date(time));
  }
  return name;
}

const NAME = /^cadangan-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z-]+)\.spbe$/;

/** When and why a backup was taken, from its name; null for names not made by backupFileName. */
export function parseBackupFileName(name: string): { takenAt: Date; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = m[7] as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { takenAt: new Date(y, mo - 1, d, h, mi, s), reason };
}

/** True when no daily backup was taken yet on the calendar day of `now` (local time). */
export function isDailyBackupDue(entries: readonly BackupEntry[], now: Date = new Date()): boolean {
  return !entries.some((entry) => {
    const parsed = parseBackupFileName(entry.name);
    return (
      parsed?.reason === 'harian' &&
      parsed.takenAt.getFullYear() === now.getFullYear() &&
      parsed.takenAt.getMonth() === now.getMonth() &&
      parsed.takenAt.getDate() === now.getDate()
    );
  });
}
