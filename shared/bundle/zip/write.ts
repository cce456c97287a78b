/**
 * Writing a .spbe bundle as a stream: evidence files first, each stored (not deflated: PDFs and
 * images are compressed already) under `evidence/<hash>` and hashed while it passes, then
 * manifest.json last, built from what was really written. Memory stays at a few chunks whatever
 * the size of the evidence; backpressure comes from the sink. With a password every entry is
 * encrypted with WinZip AES-256 (authenticated by HMAC-SHA1 per entry).
 *
 * The snapshot is checked against the pack before the first byte is written, so the app never
 * produces a bundle its own reader would refuse. A cancelled or failed export aborts the sink,
 * which tells the platform to discard the partial file.
 */
import type { EvaluationSnapshot } from '../../assessment/snapshot';
import type { Tombstone } from '../../assessment/tombstone';
import type { EvidenceHash } from '../../assessment/ids';
import { formatBytes } from '../../format/number';
import type { InstrumentPack } from '../../instrument/schema';
import { evidenceEntryName, MANIFEST_ENTRY } from '../entries';
import { abortedError, BundleError } from '../errors';
import { BUNDLE_FORMAT, FORMAT_VERSION } from '../format';
import { nobleSha256, sha256Hex, type HashFactory } from '../../hash/sha256';
import { exactBytes } from '../limits';
import {
  bundleManifestSchema,
  INSTRUMENT_TITLE_MAX,
  type BundleExporter,
  type BundleFile,
  type BundleManifest,
} from '../manifest';
import { describePath, indonesianErrorMap, summarizeProblems } from '../../format/zod-messages';
import type { ProgressListener } from '../progress';
import { restrictSnapshot, scopeOf } from '../scope';
import { checkManifestContent } from '../validate';
import { asStream, countingPipe, transformStream, verifyingTransformer } from './streams';
import { bundleErrorFromZip, zipLib } from './zip-lib';

/** The stored bytes of a file by hash: a Blob, or a stream of them. */
export type EvidenceSource = (
  hash: EvidenceHash,
) => Blob | ReadableStream<Uint8Array> | Promise<Blob | ReadableStream<Uint8Array>>;

export interface WriteBundleInput {
  snapshot: EvaluationSnapshot;
  pack: InstrumentPack;
  /** The app version that writes the bundle (recorded in the manifest). */
  appVersion: string;
  exportedBy: { memberId: BundleExporter['memberId']; name: string; nip?: string };
  /** Defaults to now. */
  exportedAt?: number;
  /** Needed when `includeEvidence` is true. */
  evidenceSource?: EvidenceSource;
  /**
   * The deletions made in the evaluation (shared/merge/tombstones.ts). The app always passes
   * them (an empty list: none made); absent, the manifest has no field, as older versions wrote.
   */
  tombstones?: readonly Tombstone[];
}

export interface WriteBundleOptions {
  includeEvidence: boolean;
  /** "Only mine": restrict the export to these indicators. */
  indicators?: readonly number[];
  /** Encrypts every entry with AES-256 when set (non-empty). */
  password?: string;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** A faster native SHA-256 where the runtime has one (the CLI passes Node's). */
  hash?: HashFactory;
}

export interface WriteBundleResult {
  manifest: BundleManifest;
  /** SHA-256 of manifest.json as written (before encryption). */
  manifestHash: string;
  /** Bytes written to the sink (the size of the .spbe file). */
  bytesWritten: number;
}

const APP_NAME = 'Evaluasi SPBE';

/** Builds the manifest for a snapshot (already restricted to its scope). */
export function buildManifest(
  snapshot: EvaluationSnapshot,
  input: Pick<WriteBundleInput, 'appVersion' | 'exportedBy' | 'exportedAt' | 'tombstones'> & {
    /** The evaluation's pack: its names travel in the manifest. */
    pack?: Pick<InstrumentPack, 'id' | 'version' | 'title' | 'shortTitle'>;
  },
  options: { indicators?: readonly number[]; evidenceIncluded: boolean; files: BundleFile[] },
): BundleManifest {
  const instrument = snapshot.evaluation.instrument;
  const named = input.pack?.id === instrument.id && input.pack.version === instrument.version;
  const name = (s: string): string => s.trim().slice(0, INSTRUMENT_TITLE_MAX).trim();
  return {
    format: BUNDLE_FORMAT,
    formatVersion: FORMAT_VERSION,
    app: { name: APP_NAME, version: input.appVersion },
    instrument: { ...instrument },
    ...(named && input.pack
      ? {
          instrumentTitle: {
            title: name(input.pack.title),
            shortTitle: name(input.pack.shortTitle),
          },
        }
      : {}),
    exportedAt: input.exportedAt ?? Date.now(),
    exportedBy: {
      memberId: input.exportedBy.memberId,
      name: input.exportedBy.name.trim(),
      nip: (input.exportedBy.nip ?? '').trim(),
    },
    scope: scopeOf(options.indicators),
    evidenceIncluded: options.evidenceIncluded,
    files: options.files,
    snapshot,
    ...(input.tombstones ? { tombstones: [...input.tombstones] } : {}),
  };
}

/** Every problem the reader would find in this manifest: the schema, then the content checks. */
function manifestProblems(manifest: BundleManifest, pack: InstrumentPack): string[] {
  const parsed = bundleManifestSchema.safeParse(manifest, { error: indonesianErrorMap });
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`);
  }
  return checkManifestContent(parsed.data, pack);
}

function refuseContent(problems: string[]): BundleError {
  return new BundleError(
    'content',
    `Evaluasi tidak dapat diekspor karena datanya tidak sah: ${summarizeProblems(problems)}.`,
  );
}

/**
 * Writes the bundle into `sink` (a file the platform opened, a download, a Node stream) and
 * closes it. Rejects with a `BundleError`; the sink is then aborted.
 */
export async function writeBundle(
  sink: WritableStream<Uint8Array>,
  input: WriteBundleInput,
  options: WriteBundleOptions,
): Promise<WriteBundleResult> {
  const zip = zipLib();
  const hash = options.hash ?? nobleSha256;
  const snapshot =
    options.indicators === undefined
      ? input.snapshot
      : restrictSnapshot(input.snapshot, options.indicators);
  const exportedAt = input.exportedAt ?? Date.now();
  const meta = { ...input, exportedAt };

  // Check everything but the file list before writing anything.
  const precheck = manifestProblems(
    buildManifest(snapshot, meta, {
      indicators: options.indicators,
      evidenceIncluded: false,
      files: [],
    }),
    input.pack,
  );
  if (precheck.length > 0) throw refuseContent(precheck);
  if (options.includeEvidence && !input.evidenceSource) {
    throw new BundleError('sourceInvalid', 'Sumber isi bukti dukung tidak diberikan.');
  }

  // The files to write: each referenced hash once, with its expected size when known.
  const expected = new Map<string, { size: number | undefined; label: string }>();
  if (options.includeEvidence) {
    for (const e of snapshot.evidence) {
      if (!expected.has(e.hash)) expected.set(e.hash, { size: e.size, label: e.fileName });
    }
    const logo = snapshot.evaluation.instansi.logoHash;
    if (logo && !expected.has(logo))
      expected.set(logo, { size: undefined, label: 'logo instansi' });
  }
  const bytesTotal = [...expected.values()].reduce((s, f) => s + (f.size ?? 0), 0);
  const filesTotal = expected.size;

  const internal = new AbortController();
  const onOuterAbort = (): void => internal.abort(abortedError());
  options.signal?.addEventListener('abort', onOuterAbort);
  const output = countingPipe(sink, internal.signal);

  const zipOptions = {
    password: options.password ? options.password : undefined,
    encryptionStrength: 3 as const,
    signal: internal.signal,
    lastModDate: new Date(exportedAt),
  };
  const writer = new zip.ZipWriter(output.writable, zipOptions);
  let current: string | undefined;
  try {
    if (options.signal?.aborted) throw abortedError();
    const files: BundleFile[] = [];
    let bytesDone = 0;
    let filesDone = 0;
    const report = (label: string, phase: 'evidence' | 'manifest' | 'done'): void =>
      options.onProgress?.({ phase, label, bytesDone, bytesTotal, filesDone, filesTotal });
    report('Menyiapkan berkas ekspor', 'evidence');

    for (const [fileHash, file] of expected) {
      const name = evidenceEntryName(fileHash);
      current = name;
      const label = `Menulis bukti dukung ${filesDone + 1} dari ${filesTotal}: ${file.label}`;
      report(label, 'evidence');
      let data: Blob | ReadableStream<Uint8Array>;
      try {
        data = await input.evidenceSource!(fileHash as EvidenceHash);
      } catch (e) {
        throw new BundleError(
          'sourceInvalid',
          `Isi bukti dukung "${file.label}" tidak dapat dibaca dari penyimpanan.`,
          name,
          { cause: e },
        );
      }
      const size = file.size ?? ('getReader' in data ? undefined : data.size);
      let written = 0;
      const recorded = size === undefined ? '' : ` (${exactBytes(size)})`;
      const verify = transformStream(
        verifyingTransformer({
          name,
          expectedHash: fileHash,
          expectedSize: size,
          hash,
          onBytes: (n) => {
            written += n;
            bytesDone += n;
            report(label, 'evidence');
          },
          tooLong: () =>
            new BundleError(
              'sourceInvalid',
              `Isi bukti dukung "${file.label}" di penyimpanan lebih besar daripada ukuran tercatat${recorded}.`,
              name,
            ),
          wrongSize: (actual) =>
            new BundleError(
              'sourceInvalid',
              `Isi bukti dukung "${file.label}" di penyimpanan berukuran ${exactBytes(actual)}, padahal tercatat${recorded}.`,
              name,
            ),
          wrongHash: () =>
            new BundleError(
              'sourceInvalid',
              `Isi bukti dukung "${file.label}" di penyimpanan tidak cocok dengan hash-nya; data penyimpanan rusak.`,
              name,
            ),
        }),
      );
      // Stored (level 0): evidence is mostly compressed already; deflating it costs time for
      // nothing and would make the reader's ratio check meaningless.
      await writer.add(name, asStream(data).pipeThrough(verify), { level: 0 });
      if (written === 0) {
        throw new BundleError('sourceInvalid', `Isi "${file.label}" di penyimpanan kosong.`, name);
      }
      files.push({ hash: fileHash as EvidenceHash, size: size ?? written, entry: name });
      filesDone += 1;
    }

    current = MANIFEST_ENTRY;
    report('Menulis manifest', 'manifest');
    const manifest = buildManifest(snapshot, meta, {
      indicators: options.indicators,
      evidenceIncluded: options.includeEvidence,
      files,
    });
    const problems = manifestProblems(manifest, input.pack);
    if (problems.length > 0) throw refuseContent(problems);
    const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
    await writer.add(MANIFEST_ENTRY, new zip.Uint8ArrayReader(manifestBytes));
    await writer.close();
    await output.done;
    report(`Selesai: ${formatBytes(output.bytes())} ditulis`, 'done');
    return {
      manifest,
      manifestHash: await sha256Hex(manifestBytes, hash),
      bytesWritten: output.bytes(),
    };
  } catch (e) {
    const error = options.signal?.aborted ? abortedError() : bundleErrorFromZip(e, current);
    internal.abort(error);
    await output.done.catch(() => undefined);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * The bundle as a readable stream (for a download or a Node write stream). `done` settles when
 * the last byte was handed over; cancelling the stream cancels the export.
 */
export function bundleStream(
  input: WriteBundleInput,
  options: WriteBundleOptions,
): { stream: ReadableStream<Uint8Array>; done: Promise<WriteBundleResult> } {
  const pass = new TransformStream<Uint8Array, Uint8Array>();
  const done = writeBundle(pass.writable, input, options);
  done.catch(() => undefined);
  return { stream: pass.readable, done };
}
