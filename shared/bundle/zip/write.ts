/**
 * Writing a .spbe bundle as a stream: evidence files first, each stored (not deflated: PDFs and
 * images are compressed already) under `evidence/<hash>` and hashed while it passes, then
 * manifest.json last, built from what was really written. Memory stays at a few chunks whatever
 * the size of the evidence; backpressure comes from the sink. Without a password the project's
 * own zip writer (plain-writer.ts) writes it, and a sink that takes Blob parts receives the
 * stored evidence Blobs themselves; with a password zip.js encrypts every entry with WinZip
 * AES-256 (authenticated by HMAC-SHA1 per entry).
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
import { crc32Update, jsCrc32, type Crc32Factory } from './crc32';
import { DEFLATED, PlainZipWriter, STORED } from './plain-writer';
import {
  asStream,
  countingPipe,
  transformStream,
  verifyingTransformer,
  type ChunkTransformer,
} from './streams';
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
  /** A faster native CRC-32 where the runtime has one (the CLI passes Node's zlib.crc32). */
  crc32?: Crc32Factory;
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
 * A destination that also takes Blob chunks, written as they are: a browser download built as a
 * Blob of parts, or a File System Access writable. Stored evidence Blobs then reach the file by
 * reference, never copied into script memory; only their CRC-32 and SHA-256 pass reads them.
 */
export interface BlobPartSink {
  blobParts: WritableStream<Uint8Array | Blob>;
}

/** Where a bundle is written: a byte stream, or a sink that takes Blob parts as well. */
export type BundleSink = WritableStream<Uint8Array> | BlobPartSink;

const isBlobPartSink = (sink: BundleSink): sink is BlobPartSink => 'blobParts' in sink;

/** One evidence file to write, as the writer found it in the snapshot. */
interface PlannedFile {
  size: number | undefined;
  label: string;
}

/** What both zip back ends share: the entries to write, the progress and the verification. */
interface WritePlan {
  expected: Map<string, PlannedFile>;
  input: WriteBundleInput;
  options: WriteBundleOptions;
  hash: HashFactory;
  /** The manifest bytes once every file was written (throws when the content is refused). */
  manifestFor: (files: BundleFile[]) => { manifest: BundleManifest; bytes: Uint8Array };
  bytesTotal: number;
  filesTotal: number;
}

/** Reads an evidence file from the store, naming the file when it cannot. */
async function openEvidence(
  plan: WritePlan,
  fileHash: string,
  file: PlannedFile,
  name: string,
): Promise<Blob | ReadableStream<Uint8Array>> {
  try {
    return await plan.input.evidenceSource!(fileHash as EvidenceHash);
  } catch (e) {
    throw new BundleError(
      'sourceInvalid',
      `Isi bukti dukung "${file.label}" tidak dapat dibaca dari penyimpanan.`,
      name,
      { cause: e },
    );
  }
}

/** The size the stored bytes must have: the recorded one, else the Blob's own. */
const expectedSizeOf = (
  file: PlannedFile,
  data: Blob | ReadableStream<Uint8Array>,
): number | undefined => file.size ?? ('getReader' in data ? undefined : data.size);

/** Hashes and counts an evidence file as it passes, refusing a damaged store. */
function evidenceVerifier(
  plan: WritePlan,
  file: PlannedFile,
  name: string,
  fileHash: string,
  size: number | undefined,
  onBytes: (n: number) => void,
): ChunkTransformer {
  const recorded = size === undefined ? '' : ` (${exactBytes(size)})`;
  return verifyingTransformer({
    name,
    expectedHash: fileHash,
    expectedSize: size,
    hash: plan.hash,
    onBytes,
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
  });
}

const emptyFile = (file: PlannedFile, name: string): BundleError =>
  new BundleError('sourceInvalid', `Isi "${file.label}" di penyimpanan kosong.`, name);

/** The manifest deflated (raw deflate, zip method 8) with the platform's CompressionStream. */
async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const deflated = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(deflated).arrayBuffer());
}

/** A writer's progress reporting and the files it wrote, shared by both back ends. */
function progressOf(plan: WritePlan) {
  const state = { bytesDone: 0, filesDone: 0 };
  const report = (label: string, phase: 'evidence' | 'manifest' | 'done'): void =>
    plan.options.onProgress?.({
      phase,
      label,
      bytesDone: state.bytesDone,
      bytesTotal: plan.bytesTotal,
      filesDone: state.filesDone,
      filesTotal: plan.filesTotal,
    });
  /** The entry being written, named in an error. */
  const at: { current: string | undefined } = { current: undefined };
  return { state, report, at };
}

/** One evidence file about to be written: its entry, its stored bytes and their checks. */
interface EntryToWrite {
  name: string;
  data: Blob | ReadableStream<Uint8Array>;
  /** The size the bytes must have, when known before reading them. */
  size: number | undefined;
  /** Hashes and counts the bytes as they pass (progress reported), refusing a damaged store. */
  verifier: (onBytes?: (n: number) => void) => ChunkTransformer;
  /** Records the entry as written with `written` bytes; an empty file is refused. */
  done: (written: number) => void;
}

/** Every evidence file of the plan in turn, opened from the store, its progress reported. */
async function* evidenceEntries(
  plan: WritePlan,
  progress: ReturnType<typeof progressOf>,
  files: BundleFile[],
): AsyncGenerator<EntryToWrite> {
  const { state, report, at } = progress;
  for (const [fileHash, file] of plan.expected) {
    const name = evidenceEntryName(fileHash);
    at.current = name;
    const label = `Menulis bukti dukung ${state.filesDone + 1} dari ${plan.filesTotal}: ${file.label}`;
    report(label, 'evidence');
    const data = await openEvidence(plan, fileHash, file, name);
    const size = expectedSizeOf(file, data);
    yield {
      name,
      data,
      size,
      verifier: (onBytes) =>
        evidenceVerifier(plan, file, name, fileHash, size, (n) => {
          onBytes?.(n);
          state.bytesDone += n;
          report(label, 'evidence');
        }),
      done: (written) => {
        if (written === 0) throw emptyFile(file, name);
        files.push({ hash: fileHash as EvidenceHash, size: size ?? written, entry: name });
        state.filesDone += 1;
      },
    };
  }
}

/**
 * Writes the bundle into `sink` (a file the platform opened, a download, a Node stream) and
 * closes it. Rejects with a `BundleError`; the sink is then aborted.
 *
 * Without a password the project's own writer (plain-writer.ts) writes it: each evidence file
 * stored as it is, its CRC-32 (options.crc32: native in Node) and SHA-256 computed as it streams
 * to the sink once, or, when the sink takes Blob parts and the store gives a Blob, computed in a
 * reading pass that keeps nothing, after which the Blob itself is handed to the sink. With a
 * password zip.js writes it (AES-256).
 */
export async function writeBundle(
  sink: BundleSink,
  input: WriteBundleInput,
  options: WriteBundleOptions,
): Promise<WriteBundleResult> {
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
  const expected = new Map<string, PlannedFile>();
  if (options.includeEvidence) {
    for (const e of snapshot.evidence) {
      if (!expected.has(e.hash)) expected.set(e.hash, { size: e.size, label: e.fileName });
    }
    const logo = snapshot.evaluation.instansi.logoHash;
    if (logo && !expected.has(logo))
      expected.set(logo, { size: undefined, label: 'logo instansi' });
  }
  const plan: WritePlan = {
    expected,
    input: meta,
    options,
    hash,
    bytesTotal: [...expected.values()].reduce((s, f) => s + (f.size ?? 0), 0),
    filesTotal: expected.size,
    manifestFor: (files) => {
      const manifest = buildManifest(snapshot, meta, {
        indicators: options.indicators,
        evidenceIncluded: options.includeEvidence,
        files,
      });
      const problems = manifestProblems(manifest, input.pack);
      if (problems.length > 0) throw refuseContent(problems);
      return { manifest, bytes: new TextEncoder().encode(JSON.stringify(manifest)) };
    },
  };
  const written = options.password
    ? await writeWithZipJs(
        isBlobPartSink(sink) ? (sink.blobParts as WritableStream<Uint8Array>) : sink,
        plan,
        options.password,
        exportedAt,
      )
    : await writePlain(sink, plan, exportedAt);
  return {
    manifest: written.manifest,
    manifestHash: await sha256Hex(written.manifestBytes, hash),
    bytesWritten: written.bytesWritten,
  };
}

interface Written {
  manifest: BundleManifest;
  manifestBytes: Uint8Array;
  bytesWritten: number;
}

/** Bytes handed to the sink and not yet written that the plain writer allows. */
const MAX_IN_FLIGHT_BYTES = 4 * 1024 * 1024;

/** The bundle without a password, through the project's own zip writer. */
async function writePlain(sink: BundleSink, plan: WritePlan, exportedAt: number): Promise<Written> {
  const { options } = plan;
  const takesBlobs = isBlobPartSink(sink);
  const target: WritableStream<Uint8Array | Blob> = takesBlobs
    ? sink.blobParts
    : (sink as WritableStream<Uint8Array | Blob>);
  const crc32 = options.crc32 ?? jsCrc32;
  const out = target.getWriter();
  // A cancel aborts the sink at once: a pending write rejects, the platform drops the file.
  const onOuterAbort = (): void => {
    out.abort(abortedError()).catch(() => undefined);
  };
  options.signal?.addEventListener('abort', onOuterAbort);
  const throwIfAborted = (): void => {
    if (options.signal?.aborted) throw abortedError();
  };
  // Writes in flight while the next chunks are read and hashed, up to a few megabytes: the sink
  // stays busy, and its slowness holds the reading back (backpressure). A Blob part costs no
  // memory here (the sink keeps a reference).
  const inFlight: { done: Promise<void>; bytes: number }[] = [];
  let inFlightBytes = 0;
  const zip = new PlainZipWriter(
    async (part) => {
      throwIfAborted();
      while (inFlight.length > 0 && (inFlightBytes > MAX_IN_FLIGHT_BYTES || inFlight.length > 64)) {
        const first = inFlight.shift()!;
        inFlightBytes -= first.bytes;
        await first.done;
      }
      const done = out.write(part);
      done.catch(() => undefined);
      const bytes = ArrayBuffer.isView(part) ? part.byteLength : 0;
      inFlight.push({ done, bytes });
      inFlightBytes += bytes;
    },
    { lastModDate: new Date(exportedAt) },
  );
  const discard = { enqueue: () => undefined };
  const progress = progressOf(plan);
  const { report, at } = progress;
  try {
    throwIfAborted();
    const files: BundleFile[] = [];
    report('Menyiapkan berkas ekspor', 'evidence');
    for await (const entry of evidenceEntries(plan, progress, files)) {
      const { name, data } = entry;
      const verify = entry.verifier();
      if (takesBlobs && !('getReader' in data)) {
        // The CRC-32 and hash pass reads the Blob and keeps nothing; the Blob itself goes out.
        const crc = crc32();
        const reader = (data.stream() as ReadableStream<Uint8Array>).getReader();
        try {
          for (;;) {
            throwIfAborted();
            const { done, value } = await reader.read();
            if (done) break;
            verify.transform(value, discard);
            crc.update(value);
          }
          await verify.flush();
        } catch (e) {
          await reader.cancel(e).catch(() => undefined);
          throw e;
        } finally {
          reader.releaseLock();
        }
        await zip.addKnown(name, data, { crc32: crc.digest(), size: data.size, method: STORED });
        entry.done(data.size);
      } else {
        entry.done(
          await zip.addStreamed(name, asStream(data), {
            crc32,
            sizeHint: entry.size,
            inspect: (chunk) => {
              throwIfAborted();
              verify.transform(chunk, discard);
            },
            finish: () => verify.flush(),
          }),
        );
      }
    }

    at.current = MANIFEST_ENTRY;
    report('Menulis manifest', 'manifest');
    const { manifest, bytes } = plan.manifestFor(files);
    const deflated = await deflateRaw(bytes);
    await zip.addKnown(MANIFEST_ENTRY, deflated, {
      crc32: crc32Update(0, bytes),
      size: bytes.byteLength,
      method: DEFLATED,
    });
    at.current = undefined;
    await zip.close();
    throwIfAborted();
    await out.close();
    report(`Selesai: ${formatBytes(zip.bytesWritten)} ditulis`, 'done');
    return { manifest, manifestBytes: bytes, bytesWritten: zip.bytesWritten };
  } catch (e) {
    const error = options.signal?.aborted ? abortedError() : bundleErrorFromZip(e, at.current);
    await out.abort(error).catch(() => undefined);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    out.releaseLock();
  }
}

/** The bundle with a password: every entry AES-256 encrypted by zip.js. */
async function writeWithZipJs(
  sink: WritableStream<Uint8Array>,
  plan: WritePlan,
  password: string,
  exportedAt: number,
): Promise<Written> {
  const zip = zipLib();
  const { options } = plan;
  const internal = new AbortController();
  const onOuterAbort = (): void => internal.abort(abortedError());
  options.signal?.addEventListener('abort', onOuterAbort);
  const output = countingPipe(sink, internal.signal);

  const zipOptions = {
    password,
    encryptionStrength: 3 as const,
    signal: internal.signal,
    lastModDate: new Date(exportedAt),
  };
  const writer = new zip.ZipWriter(output.writable, zipOptions);
  const progress = progressOf(plan);
  const { report, at } = progress;
  try {
    if (options.signal?.aborted) throw abortedError();
    const files: BundleFile[] = [];
    report('Menyiapkan berkas ekspor', 'evidence');

    for await (const entry of evidenceEntries(plan, progress, files)) {
      let written = 0;
      const verify = transformStream(
        entry.verifier((n) => {
          written += n;
        }),
      );
      // Stored (level 0): evidence is mostly compressed already; deflating it costs time for
      // nothing and would make the reader's ratio check meaningless.
      await writer.add(entry.name, asStream(entry.data).pipeThrough(verify), { level: 0 });
      entry.done(written);
    }

    at.current = MANIFEST_ENTRY;
    report('Menulis manifest', 'manifest');
    const { manifest, bytes } = plan.manifestFor(files);
    await writer.add(MANIFEST_ENTRY, new zip.Uint8ArrayReader(bytes));
    await writer.close();
    await output.done;
    report(`Selesai: ${formatBytes(output.bytes())} ditulis`, 'done');
    return { manifest, manifestBytes: bytes, bytesWritten: output.bytes() };
  } catch (e) {
    const error = options.signal?.aborted ? abortedError() : bundleErrorFromZip(e, at.current);
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
