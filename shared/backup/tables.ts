/**
 * The tables a backup carries and how their rows are checked before a restore writes them: each
 * row against the same zod schema the app writes it with, every primary key once. Also the
 * evaluation summary of the preview and the check that a row survives JSON unchanged (a backup
 * must restore exactly what was stored, so a value JSON would silently change is refused at
 * export instead).
 */
import type { z } from 'zod';
import { shortenFileName } from '../assessment/limits';
import { describePath, indonesianErrorMap } from '../format/zod-messages';
import {
  primaryKeyFields,
  ROW_TABLES,
  TABLES,
  WORKING_TABLES,
  type RowTableName,
} from '../database/tables';
import type { EvaluationSummary } from './manifest';

/**
 * The tables of the current database schema a backup carries as rows, in the order they are
 * written and restored (from the table descriptor, shared/database/tables.ts).
 */
export const BACKUP_TABLES: readonly BackupTableName[] = ROW_TABLES.map((t) => t.name);
export type BackupTableName = RowTableName;

/**
 * Tables a backup leaves out on purpose: working state, not records. `mergeDrafts` is the
 * coordinator's unfinished merge; it holds copies of the .spbe files (evidence bytes as Blobs,
 * which JSON cannot carry) that the coordinator still has, and a restore replaces the database
 * the draft was made against. A restore empties these tables.
 */
export const UNBACKED_TABLES: readonly string[] = WORKING_TABLES;

/** Table names as the user reads them in messages. */
export const TABLE_LABELS: Record<string, string> = Object.fromEntries(
  TABLES.map((t) => [t.name, t.label]),
);
export const tableLabel = (name: string): string => TABLE_LABELS[name] ?? name;

/**
 * Row schemas: the assessment model's own schemas, strict; for merges, profiles and settings
 * (content other modules own) only their keys (shared/database/tables.ts).
 */
export const BACKUP_ROW_SCHEMAS = Object.fromEntries(
  ROW_TABLES.map((t): [string, z.ZodType] => [t.name, t.backup.rows]),
) as Record<BackupTableName, z.ZodType>;

type Row = Record<string, unknown>;

/** The primary key of a row as one string (compound keys joined), for the uniqueness check. */
export const primaryKeyOf = Object.fromEntries(
  ROW_TABLES.map((t): [string, (row: Row) => string] => {
    const fields = primaryKeyFields(t);
    return [t.name, (r) => fields.map((f) => String(r[f])).join('\u0000')];
  }),
) as Record<BackupTableName, (row: Row) => string>;

/** The column that ties a row to its evaluation, for tables whose rows belong to one. */
export const EVALUATION_COLUMN = Object.fromEntries(
  ROW_TABLES.flatMap((t): [string, string][] =>
    t.evaluationColumn ? [[t.name, t.evaluationColumn]] : [],
  ),
) as Partial<Record<BackupTableName, string>>;

export type BackupRows = Record<BackupTableName, Row[]>;

/** An evidence name over the limit (as older versions allowed), shortened while restoring. */
export interface RepairedName {
  evaluationId: string;
  evidenceId: string;
  original: string;
  stored: string;
}

/** Shortens an over-long evidence file name in a raw row; returns what it changed, if anything. */
function repairEvidenceName(row: unknown): { row: unknown; repaired: RepairedName | null } {
  if (!isRow(row) || typeof row.fileName !== 'string') return { row, repaired: null };
  const stored = shortenFileName(row.fileName.trim());
  if (stored === row.fileName.trim()) return { row, repaired: null };
  return {
    row: { ...row, fileName: stored },
    repaired: {
      evaluationId: text(row.evaluationId),
      evidenceId: text(row.id),
      original: row.fileName,
      stored,
    },
  };
}

/** At most this many problems are collected; the message names the first few. */
const MAX_PROBLEMS = 50;

/**
 * Checks every row of every table. Returns the parsed rows (schema defaults applied), the rows
 * left out and why (`skipped`: a row the schema refuses, and the rows that belong to a refused
 * evaluation or document), the evidence names shortened on the way (`repaired`) and the problems
 * that make the file unusable as a whole (a key given twice), in Indonesian, each naming the
 * table, the row and the field. One bad row never costs the rest of the backup.
 */
export function checkBackupRows(raw: Readonly<Record<string, readonly unknown[]>>): {
  rows: BackupRows;
  problems: string[];
  skipped: string[];
  repaired: RepairedName[];
} {
  const problems: string[] = [];
  const skipped: string[] = [];
  const repaired: RepairedName[] = [];
  const rows = {} as BackupRows;
  // Ids of refused evaluations and documents: what belongs to them is left out too.
  const refusedEvaluations = new Set<string>();
  const refusedEvidence = new Set<string>();
  for (const table of BACKUP_TABLES) {
    const schema = BACKUP_ROW_SCHEMAS[table];
    const keyOf = primaryKeyOf[table];
    const column = EVALUATION_COLUMN[table];
    const seen = new Set<string>();
    const out: Row[] = [];
    const input = raw[table] ?? [];
    let orphans = 0;
    input.forEach((original, index) => {
      if (problems.length >= MAX_PROBLEMS) return;
      const where = `tabel ${tableLabel(table)} baris ${index + 1}`;
      let row = original;
      if (table === 'evidence') {
        const fixed = repairEvidenceName(original);
        row = fixed.row;
        if (fixed.repaired) repaired.push(fixed.repaired);
      }
      if (
        isRow(row) &&
        ((column !== undefined && refusedEvaluations.has(text(row[column]))) ||
          (table === 'links' && refusedEvidence.has(text(row.evidenceId))))
      ) {
        orphans += 1;
        return;
      }
      const parsed = schema.safeParse(row, { error: indonesianErrorMap });
      if (!parsed.success) {
        const reasons = parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${describePath(issue.path)}: ${issue.message}`);
        skipped.push(`${where}: ${reasons.join('; ')}`);
        if (isRow(row) && table === 'evaluations' && text(row.id))
          refusedEvaluations.add(text(row.id));
        if (isRow(row) && table === 'evidence' && text(row.id)) refusedEvidence.add(text(row.id));
        return;
      }
      const value = parsed.data as Row;
      const key = keyOf(value);
      if (seen.has(key)) {
        problems.push(`${where}: kunci "${key.replace('\u0000', ', ')}" muncul lebih dari sekali`);
        return;
      }
      seen.add(key);
      out.push(value);
    });
    if (orphans > 0)
      skipped.push(
        `tabel ${tableLabel(table)}: ${orphans} baris milik evaluasi atau dokumen yang dilewati`,
      );
    rows[table] = out;
  }
  return { rows, problems, skipped, repaired };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One line per evaluation: instansi, year, answers and documents. Tolerant of rows of an older
 * schema (a backup taken before an upgrade is summarised with the same function).
 */
export function summarizeEvaluations(tables: {
  evaluations?: readonly unknown[];
  answers?: readonly unknown[];
  evidence?: readonly unknown[];
}): EvaluationSummary[] {
  const out = new Map<string, EvaluationSummary>();
  for (const row of tables.evaluations ?? []) {
    if (!isRow(row)) continue;
    const id = text(row.id);
    // A second evaluation of one instansi and year is told apart by its label ("salinan 2").
    const name = isRow(row.instansi) ? text(row.instansi.name) : '';
    const label = text(row.label);
    const instansi = (label ? `${name} (${label})` : name).slice(0, 200);
    const year = num(row.year);
    out.set(id, {
      id,
      instansi,
      year: year === null ? null : Math.trunc(year),
      status: text(row.status).slice(0, 20),
      updatedAt: num(row.updatedAt),
      answers: 0,
      answered: 0,
      documents: 0,
      documentBytes: 0,
    });
  }
  for (const row of tables.answers ?? []) {
    const summary = isRow(row) ? out.get(text(row.evaluationId)) : undefined;
    if (!summary || !isRow(row)) continue;
    summary.answers += 1;
    if (row.value !== null && row.value !== undefined) summary.answered += 1;
  }
  for (const row of tables.evidence ?? []) {
    const summary = isRow(row) ? out.get(text(row.evaluationId)) : undefined;
    if (!summary || !isRow(row)) continue;
    summary.documents += 1;
    summary.documentBytes += Math.max(0, Math.trunc(num(row.size) ?? 0));
  }
  return [...out.values()].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || a.instansi.localeCompare(b.instansi, 'id'),
  );
}

/**
 * Where a value would not come back identical from JSON (a Blob, a Date, NaN, a Map, an
 * undefined in a list, ...), as a path; null when it is plain JSON.
 */
export function jsonUnsafePath(value: unknown, path = ''): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(akar)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      if (value[i] === undefined) return `${path}[${i}]`;
      const inner = jsonUnsafePath(value[i], `${path}[${i}]`);
      if (inner) return inner;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return path || '(akar)';
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) continue; // absent after JSON, as it reads back in JavaScript
      const found = jsonUnsafePath(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return null;
  }
  return path || '(akar)';
}
