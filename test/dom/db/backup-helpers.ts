/** Shared pieces of the backup tests: a populated database, a dump of every table, zip surgery. */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { backupFingerprint } from '../../../shared/backup';
import { sha256HexSync as sha256Hex } from '../../../shared/hash/sha256';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { addEvidenceFile, linkEvidence } from '../../../renderer/src/db/commands/evidence';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { exportDatabase } from '../../../renderer/src/db/backup';
import { db } from '../../../renderer/src/db/db';
import { collectToBlob } from '../../../renderer/src/platform/web-backups';
import { pngOf } from '../../fixtures/bundles/corpus-dates';
import { pdfFile, sampleInput } from './helpers';

export const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
export const edit = (value: number | null, justification = '') => ({
  value,
  justification,
  agency: 'Diskominfo',
  status: 'draft' as const,
  reviewNote: '',
});

/** Two evaluations with answers, documents (one shared by both), links, a team and settings. */
export async function populate(): Promise<{ balikpapan: EvaluationId; mojokerto: EvaluationId }> {
  const logo = new File([pngOf(8, 8).slice()], 'logo.png', {
    type: 'image/png',
  });
  const balikpapan = await createEvaluation(sampleInput(), actor, logo);
  const mojokerto = await createEvaluation(
    sampleInput({
      year: 2025,
      instansi: {
        ...sampleInput().instansi,
        name: 'Pemerintah Kabupaten Mojokerto',
        kind: 'kabupaten',
        regionName: 'Mojokerto',
        headOfRegionTitle: 'Bupati',
      },
    }),
    actor,
  );
  const member = await addMember(
    balikpapan,
    { name: 'Siti Aminah', nip: '', position: 'Kepala Bidang', role: 'lead', indicators: [1, 2] },
    actor,
  );
  await setCurrentMember(balikpapan, member.id);
  await saveAnswer(balikpapan, 1, edit(3, 'Perwal Nomor 14 Tahun 2022'), actor);
  await saveAnswer(balikpapan, 2, edit(2, 'Peta rencana ditetapkan'), actor);
  await saveAnswer(mojokerto, 1, edit(1, 'Belum ada kebijakan'), actor);
  const perwal = await addEvidenceFile(
    balikpapan,
    pdfFile('perwal-14-2022.pdf', 'Perwal 14/2022'),
    actor,
    {
      linkTo: { indicator: 1, levels: [2, 3] },
    },
  );
  await addEvidenceFile(balikpapan, pdfFile('notulen.pdf', 'Notulen rapat'), actor);
  await addEvidenceFile(mojokerto, pdfFile('salinan-perwal.pdf', 'Perwal 14/2022'), actor);
  if (!perwal.ok) throw new Error(perwal.message);
  await linkEvidence(balikpapan, perwal.evidence.id, 2, [1], 'Pasal 5', actor);
  await db.settings.put({ key: 'maxEvidenceBytes', value: 50 * 1024 * 1024 });
  await db.profiles.put({
    id: 'profil-1',
    updatedAt: 1,
    profile: { nama: 'Kota Contoh', daftar: [1, 2] },
  });
  await db.merges.put({
    id: 'gabung-1',
    resultEvaluationId: balikpapan,
    createdAt: 2,
    record: { catatan: 'uji' },
  });
  return { balikpapan, mojokerto };
}

/** Every table's rows, file rows with their bytes as text: two equal dumps are equal databases. */
export async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    out[table.name] =
      table.name === 'blobs'
        ? await Promise.all(rows.map(async (r) => ({ ...r, data: await (r.data as Blob).text() })))
        : rows;
  }
  return out;
}

/** A restore's own record in an evaluation's history, as the tests read it. */
export interface RestoreRecord {
  evaluationId: string;
  actorName: string;
  newValue: string | null;
  note: string;
}

/**
 * A dump with the restore's records taken out of the history: the restored data compares equal to
 * the data backed up, and the records are checked on their own.
 */
export function splitRestoreRecords(d: Record<string, unknown[]>): {
  data: Record<string, unknown[]>;
  restores: RestoreRecord[];
} {
  type Row = RestoreRecord & { field: string | null; entity: string };
  const audit = d.audit as Row[];
  const isRestore = (r: Row) => r.entity === 'evaluation' && r.field === 'backup';
  return {
    data: { ...d, audit: audit.filter((r) => !isRestore(r)) },
    restores: audit.filter(isRestore).map(({ evaluationId, actorName, newValue, note }) => ({
      evaluationId,
      actorName,
      newValue,
      note,
    })),
  };
}

/** A backup of the app's database as a Blob. */
export async function backupBlob(): Promise<Blob> {
  return collectToBlob(
    (sink, signal) => exportDatabase(sink, signal).then(() => undefined),
    'application/x-spbe',
  );
}

export type Entries = Record<string, Uint8Array>;

export const readZip = async (blob: Blob): Promise<Entries> =>
  unzipSync(new Uint8Array(await blob.arrayBuffer()));

/** Writes entries into a zip: files stored, JSON deflated (as the app writes them). */
export function writeZip(entries: Entries, options: { deflateBlobs?: boolean } = {}): Blob {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const stored = name.startsWith('blobs/') && !options.deflateBlobs;
    zippable[name] = [data, { level: stored ? 0 : 6 }];
  }
  return new Blob([zipSync(zippable) as Uint8Array<ArrayBuffer>]);
}

const text = new TextDecoder();
const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

export const json = (entries: Entries, name: string): unknown =>
  JSON.parse(text.decode(entries[name]));

/**
 * Rewrites a table and fixes the manifest (size, hash, fingerprint) so that only the content
 * checks can catch the change: what a careful forger would do.
 */
export function forgeTable(entries: Entries, table: string, rows: unknown[]): Entries {
  const bytes = encode(rows);
  const manifest = json(entries, 'manifest.json') as {
    tables: { name: string; rows: number; size: number; sha256: string }[];
    blobs: { hash: string; size: number; type: string; createdAt: number }[];
    fingerprint: string;
  };
  const t = manifest.tables.find((x) => x.name === table)!;
  t.rows = rows.length;
  t.size = bytes.byteLength;
  t.sha256 = sha256Hex(bytes);
  manifest.fingerprint = backupFingerprint(manifest.tables, manifest.blobs);
  return { ...entries, [`tables/${table}.json`]: bytes, 'manifest.json': encode(manifest) };
}

export const withManifest = (
  entries: Entries,
  change: (m: Record<string, unknown>) => void,
): Entries => {
  const manifest = json(entries, 'manifest.json') as Record<string, unknown>;
  change(manifest);
  return { ...entries, 'manifest.json': encode(manifest) };
};
