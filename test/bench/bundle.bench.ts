/**
 * Bundle figures: export and import of a bundle holding ~1 GB of evidence through the Node path
 * of the CLI (file handles, Node SHA-256, atomic write), each as a ratio to a plain streamed copy
 * of the same bytes (stream.pipeline, 1 MB chunks; goal ≥ 0,8) and to fs.copyFile, both measured
 * in the same run (medians of alternating rounds); peak memory at two sizes (it must not grow with the bundle); and the merge of
 * 30 bundles x 47 answers x 100 evidence references with shared evidence.
 *
 * Validation: a manifest with 200 000 evidence rows against one of the same byte size with
 * few, long rows (every check must be linear in the rows; goal within 2x).
 *
 * BENCH_BUNDLE_MB sets the evidence size (default 1000, in 5 MB files); e.g.
 *   BENCH_BUNDLE_MB=100 npm run bench
 * BENCH_VALIDATE_ROWS sets the rows of the validation figure (default 200000); BENCH_BUNDLE_MB=0
 * measures the validation and merge figures only (no evidence I/O).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import type {
  Answer,
  EvaluationId,
  EvaluationSnapshot,
  Evidence,
  EvidenceHash,
  EvidenceId,
  EvidenceLink,
  LinkId,
  MemberId,
  RevisionId,
} from '../../shared/assessment';
import { parseManifest } from '../../shared/bundle';
import { buildManifest, readBundle, writeBundle } from '../../shared/bundle/zip';
import { defaultPack } from '../../shared/instrument';
import { analyzeMerge, applyMerge, type MergeSource, type Resolution } from '../../shared/merge';
import {
  fileReadStream,
  nodeCrc32,
  nodeSha256,
  openRandomAccess,
  writeAtomic,
} from '../../electron/cli/node-io';
import { peakRssMb, report, timeMs } from './harness';

const FILE_MB = 5;
/** A plausible time for every row (bundles refuse times before 2000 or after their export). */
const AT = Date.UTC(2026, 10, 22);
const MB = 1024 * 1024;
/** Alternating rounds of the copies, the export and the import; each figure is their median. */
const IO_ROUNDS = 3;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface EvidenceSet {
  dir: string;
  files: { path: string; hash: EvidenceHash; size: number }[];
  bytes: number;
}

async function makeEvidence(root: string, totalMb: number): Promise<EvidenceSet> {
  const dir = path.join(root, `evidence-${totalMb}`);
  await mkdir(dir, { recursive: true });
  const count = Math.max(1, Math.round(totalMb / FILE_MB));
  const files: EvidenceSet['files'] = [];
  for (let i = 0; i < count; i += 1) {
    const bytes = randomBytes(FILE_MB * MB);
    const file = path.join(dir, `bukti-${i}.pdf`);
    await writeFile(file, bytes);
    files.push({
      path: file,
      hash: createHash('sha256').update(bytes).digest('hex') as EvidenceHash,
      size: bytes.byteLength,
    });
  }
  return { dir, files, bytes: files.reduce((s, f) => s + f.size, 0) };
}

function snapshotFor(set: EvidenceSet): EvaluationSnapshot {
  const pack = defaultPack();
  const evaluationId = 'bench' as EvaluationId;
  const answers: Answer[] = Array.from({ length: 47 }, (_, i) => ({
    evaluationId,
    indicator: i + 1,
    value: (i % 5) + 1,
    justification: `Penjelasan ${i + 1}`,
    agency: 'Diskominfo',
    status: 'submitted',
    reviewNote: '',
    carriedOver: false,
    updatedAt: AT,
    updatedBy: null,
    revision: `r-${i}` as RevisionId,
    ancestors: [],
    revisionOpen: false,
  }));
  const evidence: Evidence[] = set.files.map((f, i) => ({
    id: `ev-${i}` as EvidenceId,
    evaluationId,
    hash: f.hash,
    fileName: path.basename(f.path),
    mimeType: 'application/pdf',
    size: f.size,
    addedAt: AT,
    addedBy: null,
    kind: 'laporan',
    title: `Bukti ${i}`,
    number: '',
    documentDate: null,
    description: '',
  }));
  const links: EvidenceLink[] = evidence.map((e, i) => ({
    id: `ln-${i}` as LinkId,
    evaluationId,
    evidenceId: e.id,
    indicator: (i % 47) + 1,
    levels: [1],
    note: '',
    addedAt: AT,
    addedBy: null,
  }));
  return {
    evaluation: {
      id: evaluationId,
      year: 2026,
      instrument: { id: pack.id, version: pack.version },
      instansi: {
        name: 'Pemerintah Kota Uji',
        kind: 'kota',
        regionName: 'Uji',
        province: '',
        headOfRegionTitle: 'Wali Kota',
        headOfRegionName: '',
        sekdaName: '',
        sekdaNip: '',
        ictAgencyName: '',
        ictAgencyAbbreviation: '',
        address: '',
        logoHash: null,
      },
      profileId: null,
      periodStart: null,
      periodEnd: null,
      status: 'active',
      origin: { kind: 'created' },
      createdAt: AT,
      updatedAt: AT,
    },
    answers,
    evidence,
    links,
    members: [],
    audit: [],
  };
}

async function exportBundle(set: EvidenceSet, out: string, password?: string): Promise<number> {
  const byHash = new Map(set.files.map((f) => [f.hash as string, f.path]));
  let written = 0;
  await writeAtomic(out, async (sink) => {
    const r = await writeBundle(
      sink,
      {
        snapshot: snapshotFor(set),
        pack: defaultPack(),
        appVersion: 'bench',
        exportedBy: { memberId: null, name: 'Bench' },
        evidenceSource: (hash) => fileReadStream(byHash.get(hash)!),
      },
      { includeEvidence: true, password, hash: nodeSha256, crc32: nodeCrc32 },
    );
    written = r.bytesWritten;
  });
  return written;
}

/**
 * Import as the database layer would: every check, with each file's bytes spooled to a staging
 * file during the same pass (the caller keeps them only when readBundle resolves).
 */
async function importBundle(file: string, outDir: string, password?: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const handle = await openRandomAccess(file);
  try {
    await readBundle(handle, {
      appVersion: 'bench',
      password,
      hash: nodeSha256,
      crc32: nodeCrc32,
      spool: (f) =>
        Writable.toWeb(
          createWriteStream(path.join(outDir, f.hash)),
        ) as unknown as WritableStream<Uint8Array>,
    });
  } finally {
    await handle.close();
  }
}

async function copyAll(set: EvidenceSet, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const f of set.files) await copyFile(f.path, path.join(outDir, path.basename(f.path)));
}

async function streamCopyAll(set: EvidenceSet, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const f of set.files) {
    await pipeline(
      createReadStream(f.path, { highWaterMark: MB }),
      createWriteStream(path.join(outDir, path.basename(f.path))) as Writable,
    );
  }
}

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

async function benchIo(root: string, totalMb: number): Promise<void> {
  const small = Math.max(FILE_MB, Math.round(totalMb / 10));
  const smallSet = await makeEvidence(root, small);
  const set = await makeEvidence(root, totalMb);
  const mb = set.bytes / MB;
  const label = `${Math.round(mb)} MB`;

  // Same run, same bytes, in alternating rounds: a plain fs.copyFile, a plain streamed copy, the
  // export and the import, each round in that order; each figure is the median of its rounds, so
  // that neither side gets a quieter moment of the disk (the copies alone vary 2x between runs
  // here). Peak memory is that of the first round.
  const out = path.join(root, 'bench.spbe');
  const rounds: { copy: number; streamCopy: number; exported: number; imported: number }[] = [];
  let exportPeakMb = 0;
  let importPeakMb = 0;
  let size = 0;
  for (let round = 0; round < IO_ROUNDS; round += 1) {
    const copy = await seconds(() => copyAll(set, path.join(root, 'copy')));
    await rm(path.join(root, 'copy'), { recursive: true });
    const streamCopy = await seconds(() => streamCopyAll(set, path.join(root, 'stream-copy')));
    await rm(path.join(root, 'stream-copy'), { recursive: true });
    await rm(out, { force: true });
    gc();
    const exportRun = await peakRssMb(async () => {
      const start = performance.now();
      await exportBundle(set, out);
      return (performance.now() - start) / 1000;
    });
    size = (await stat(out)).size;
    gc();
    const importRun = await peakRssMb(async () => {
      const start = performance.now();
      await importBundle(out, path.join(root, 'imported'));
      return (performance.now() - start) / 1000;
    });
    await rm(path.join(root, 'imported'), { recursive: true });
    if (round === 0) {
      exportPeakMb = exportRun.peakMb;
      importPeakMb = importRun.peakMb;
    }
    rounds.push({ copy, streamCopy, exported: exportRun.result, imported: importRun.result });
  }
  const median = (key: keyof (typeof rounds)[number]): number =>
    rounds.map((r) => r[key]).sort((x, y) => x - y)[rounds.length >> 1]!;
  const copySec = median('copy');
  const streamCopySec = median('streamCopy');
  const exportSec = median('exported');
  const importSec = median('imported');
  const spread = (key: keyof (typeof rounds)[number]): string =>
    `rounds ${rounds.map((r) => r[key].toFixed(2)).join(' / ')} s`;
  report({
    name: `bundle: export ${label} of evidence`,
    value: mb / exportSec,
    unit: 'MB/s',
    ratio: { value: streamCopySec / exportSec, baseline: 'streamed copy (stream.pipeline)' },
    note: `goal ≥ 0,8; median of ${IO_ROUNDS}: ${spread('exported')}; ${(size / MB).toFixed(0)} MB file, fsync'd`,
  });
  report({
    name: `bundle: export ${label} of evidence`,
    value: mb / exportSec,
    unit: 'MB/s',
    ratio: { value: copySec / exportSec, baseline: 'fs.copyFile of the same files' },
  });
  report({
    name: 'bundle: plain streamed copy of the same bytes',
    value: mb / streamCopySec,
    unit: 'MB/s',
    note: `median of ${IO_ROUNDS}: ${spread('streamCopy')}`,
  });
  report({
    name: 'bundle: plain fs.copyFile of the same bytes',
    value: mb / copySec,
    unit: 'MB/s',
    note: `median of ${IO_ROUNDS}: ${spread('copy')}`,
  });
  report({
    name: `bundle: import ${label} (validate + spool to files)`,
    value: mb / importSec,
    unit: 'MB/s',
    ratio: { value: streamCopySec / importSec, baseline: 'streamed copy (stream.pipeline)' },
    note: `goal ≥ 0,8; median of ${IO_ROUNDS}: ${spread('imported')}`,
  });
  report({
    name: `bundle: import ${label} (validate + spool to files)`,
    value: mb / importSec,
    unit: 'MB/s',
    ratio: { value: copySec / importSec, baseline: 'fs.copyFile of the same files' },
  });
  const validateSec = await seconds(async () => {
    const handle = await openRandomAccess(out);
    await readBundle(handle, { appVersion: 'bench', hash: nodeSha256, crc32: nodeCrc32 });
    await handle.close();
  });
  report({ name: `bundle: validate only ${label}`, value: mb / validateSec, unit: 'MB/s' });
  await rm(out);

  // Memory at a tenth of the size, same process: the peak must not follow the size.
  const smallOut = path.join(root, 'small.spbe');
  gc();
  const smallExport = await peakRssMb(() => exportBundle(smallSet, smallOut));
  gc();
  const smallImport = await peakRssMb(() =>
    importBundle(smallOut, path.join(root, 'imported-small')),
  );
  report({
    name: `bundle: peak RSS export ${label}`,
    value: exportPeakMb,
    unit: 'MB',
    note: `${Math.round(smallSet.bytes / MB)} MB bundle: ${smallExport.peakMb.toFixed(0)} MB`,
  });
  report({
    name: `bundle: peak RSS import ${label}`,
    value: importPeakMb,
    unit: 'MB',
    note: `${Math.round(smallSet.bytes / MB)} MB bundle: ${smallImport.peakMb.toFixed(0)} MB`,
  });

  // Encrypted (AES-256, pure JS in zip.js): on at most 200 MB to keep the run short.
  const aesSet: EvidenceSet = { ...set, files: set.files.slice(0, Math.min(set.files.length, 40)) };
  aesSet.bytes = aesSet.files.reduce((s, f) => s + f.size, 0);
  const aesOut = path.join(root, 'aes.spbe');
  const aesExportSec = await seconds(() => exportBundle(aesSet, aesOut, 'sandi-bench'));
  const aesImportSec = await seconds(() =>
    importBundle(aesOut, path.join(root, 'imported-aes'), 'sandi-bench'),
  );
  const aesMb = aesSet.bytes / MB;
  report({
    name: `bundle: export ${Math.round(aesMb)} MB with password`,
    value: aesMb / aesExportSec,
    unit: 'MB/s',
  });
  report({
    name: `bundle: import ${Math.round(aesMb)} MB with password`,
    value: aesMb / aesImportSec,
    unit: 'MB/s',
  });
}

/** 30 bundles x 47 answers x 100 evidence references drawn from a shared pool of documents. */
function mergeSources(): { sources: MergeSource[]; resolutions: Resolution[] } {
  const pack = defaultPack();
  const evaluationId = 'eval-bench' as EvaluationId;
  const pool = Array.from({ length: 600 }, (_, i) =>
    createHash('sha256').update(`bukti-${i}`).digest('hex'),
  );
  const base = snapshotFor({ dir: '', files: [], bytes: 0 });
  const sources: MergeSource[] = [];
  for (let b = 0; b < 30; b += 1) {
    const member = `m-${b}` as MemberId;
    const answers: Answer[] = Array.from({ length: 47 }, (_, i) => {
      const indicator = i + 1;
      const own = indicator % 30 === b;
      // Indicators 45-47 are changed apart by two assessors: three true conflicts.
      const clash = indicator >= 45 && (b === 0 || b === 1);
      const changed = own || clash;
      return {
        evaluationId,
        indicator,
        value: changed ? ((indicator + b) % 5) + 1 : (indicator % 5) + 1,
        justification: changed
          ? `Penjelasan asesor ${b} indikator ${indicator}`
          : `Awal ${indicator}`,
        agency: 'Diskominfo',
        status: 'submitted',
        reviewNote: '',
        carriedOver: false,
        updatedAt: AT + 1000 + b,
        updatedBy: member,
        revision: (changed ? `r-${b}-${indicator}` : `r0-${indicator}`) as RevisionId,
        ancestors: changed ? [`r0-${indicator}` as RevisionId] : [],
        revisionOpen: false,
      };
    });
    const evidence: Evidence[] = [];
    const links: EvidenceLink[] = [];
    for (let k = 0; k < 100; k += 1) {
      const hash = pool[(b * 17 + k * 3) % pool.length]! as EvidenceHash;
      const id = `ev-${b}-${k}` as EvidenceId;
      evidence.push({
        id,
        evaluationId,
        hash,
        fileName: `Dokumen ${hash.slice(0, 6)}.pdf`,
        mimeType: 'application/pdf',
        size: 1000 + (parseInt(hash.slice(0, 4), 16) % 1000),
        addedAt: AT,
        addedBy: member,
        kind: 'laporan',
        title: '',
        number: '',
        documentDate: null,
        description: '',
      });
      links.push({
        id: `ln-${b}-${k}` as LinkId,
        evaluationId,
        evidenceId: id,
        indicator: (k % 47) + 1,
        levels: [1, 2],
        note: '',
        addedAt: AT,
        addedBy: member,
      });
    }
    sources.push({
      id: String(b + 1),
      kind: 'bundle',
      label: `asesor-${b}.spbe`,
      snapshot: {
        ...base,
        evaluation: {
          ...base.evaluation,
          id: evaluationId,
          instrument: { id: pack.id, version: pack.version },
        },
        answers,
        evidence,
        links,
        members: [
          {
            id: member,
            evaluationId,
            name: `Asesor ${b}`,
            nip: '',
            position: '',
            role: 'member',
            indicators: [],
            createdAt: AT,
          },
        ],
        audit: [],
      },
      exportedBy: { memberId: member, name: `Asesor ${b}`, nip: '' },
      exportedAt: AT + 3_600_000,
      manifestHash: null,
      fileHash: null,
      scope: { kind: 'all' },
    });
  }
  const resolutions: Resolution[] = [45, 46, 47].map((indicator) => ({
    indicator,
    choice: { kind: 'side', sourceId: '1' },
    reason: 'Bench',
    decidedBy: { memberId: null, name: 'Bench' },
    decidedAt: AT + 7_200_000,
  }));
  return { sources, resolutions };
}

function benchMerge(): Promise<void> {
  const pack = defaultPack();
  const { sources, resolutions } = mergeSources();
  let conflicts = 0;
  let evidence = 0;
  return timeMs(
    () => {
      const analysis = analyzeMerge({ pack, inputs: sources });
      const { record } = applyMerge(analysis, resolutions, { now: 3 });
      conflicts = analysis.conflicts.length;
      evidence = record.totals.evidence;
    },
    5,
    1,
  ).then((ms) => {
    report({
      name: 'merge: 30 bundles x 47 answers x 100 evidence refs',
      value: ms,
      unit: 'ms',
      note: `${conflicts} conflicts settled, ${evidence} distinct documents; goal under 1 s`,
    });
  });
}

/** manifest.json of an evaluation with `rows` evidence rows (no bytes), padded by descriptions. */
function manifestBytes(rows: number, description: number): Uint8Array {
  const files = Array.from({ length: rows }, (_, i) => ({
    path: `bukti-${i}.pdf`,
    hash: createHash('sha256').update(String(i)).digest('hex') as EvidenceHash,
    size: 1000 + i,
  }));
  const snapshot = snapshotFor({ dir: '', files, bytes: 0 });
  const text = 'Keterangan bukti dukung. '
    .repeat(Math.ceil(description / 25))
    .slice(0, description);
  const manifest = buildManifest(
    {
      ...snapshot,
      evidence: snapshot.evidence.map((e) => ({ ...e, description: text })),
      links: [],
    },
    { appVersion: 'bench', exportedBy: { memberId: null, name: 'Bench' }, exportedAt: AT },
    { evidenceIncluded: false, files: [] },
  );
  return new TextEncoder().encode(JSON.stringify(manifest));
}

/**
 * Validation time of many small rows against few long rows in the same bytes: parseManifest
 * (UTF-8, JSON, schema, pack, values, references), what readBundle runs on every manifest.
 */
async function benchValidation(): Promise<void> {
  const rows = Number(process.env.BENCH_VALIDATE_ROWS ?? '200000');
  const many = manifestBytes(rows, 0);
  // Rows of the longest description the schema allows, as many as fill the same bytes.
  const rowBytes = manifestBytes(2, 5_000).byteLength - manifestBytes(1, 5_000).byteLength;
  const few = manifestBytes(Math.max(1, Math.round(many.byteLength / rowBytes)), 5_000);
  // Alternating runs from a collected heap, so that neither side inherits the other's garbage or
  // a quieter moment of the machine; the median of each.
  const sample = (bytes: Uint8Array): number => {
    gc();
    const start = performance.now();
    parseManifest(bytes, { appVersion: 'bench' });
    return performance.now() - start;
  };
  sample(many);
  sample(few);
  const manySamples: number[] = [];
  const fewSamples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    manySamples.push(sample(many));
    fewSamples.push(sample(few));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const manyMs = median(manySamples);
  const fewMs = median(fewSamples);
  const fewRows = Math.round(many.byteLength / rowBytes);
  report({
    name: `validate: ${rows} evidence rows`,
    value: manyMs,
    unit: 'ms',
    ratio: { value: manyMs / fewMs, baseline: `${fewRows} rows, same bytes` },
    note: `${(many.byteLength / MB).toFixed(1)} MB vs ${(few.byteLength / MB).toFixed(1)} MB of manifest; goal within 2x`,
  });
}

export async function benchBundle(): Promise<void> {
  await benchValidation();
  // The merge needs no evidence on disk: it runs whatever the size asked for.
  await benchMerge();
  const totalMb = Number(process.env.BENCH_BUNDLE_MB ?? '1000');
  if (totalMb === 0) return;
  if (!Number.isFinite(totalMb) || totalMb < 0) throw new Error('BENCH_BUNDLE_MB must be >= 0');
  const root = await mkdtemp(path.join(tmpdir(), 'spbe-bench-bundle-'));
  try {
    await benchIo(root, totalMb);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
