/**
 * Size bounds of a bundle, checked twice: on what the zip declares (here, before a byte is
 * inflated) and on what is really streamed out of each entry (counted chunk by chunk by the
 * reader's verifying stream, zip/streams.ts, so a lying header cannot make it inflate more than
 * declared). The compression-ratio bound stops a zip bomb before it runs; the streamed count
 * stops one whose header lies about its size.
 */
import { formatBytes, formatNumber } from '../format/number';
import { BundleError } from './errors';
import { displayName, MANIFEST_ENTRY } from './entries';

/** An exact byte count, "5.242.880 byte", where a rounded "5,0 MB" would hide a difference. */
export const exactBytes = (n: number): string => `${formatNumber(n, 0)} byte`;

export interface BundleLimits {
  /** manifest.json, inflated: the evaluation, answers, team, evidence metadata and audit log. */
  maxManifestBytes: number;
  /** One evidence file. */
  maxEntryBytes: number;
  /** All entries together, inflated. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Inflated / compressed, above `ratioCheckFrom` inflated bytes. Deflate tops out near 1032. */
  maxCompressionRatio: number;
  ratioCheckFrom: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_BUNDLE_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxManifestBytes: 64 * MiB,
  // Evidence files are capped at 200 MB by default in the app, but that is a setting; the bundle
  // bound is the outer wall against hostile files, not the policy.
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 64 * GiB,
  maxEntries: 100_000,
  // JSON of a full evaluation deflates about 10:1; repeated audit text can reach 50:1.
  maxCompressionRatio: 200,
  ratioCheckFrom: 1 * MiB,
});

/** What the zip's central directory says about one entry. */
export interface DeclaredEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Checks the declared sizes of one entry against the limits. */
export function checkDeclaredEntry(entry: DeclaredEntry, limits: BundleLimits): void {
  const name = displayName(entry.name);
  const { compressedSize, uncompressedSize } = entry;
  if (
    !Number.isSafeInteger(compressedSize) ||
    !Number.isSafeInteger(uncompressedSize) ||
    compressedSize < 0 ||
    uncompressedSize < 0
  ) {
    throw new BundleError('corrupt', `Ukuran entri "${name}" di dalam zip tidak sah.`, entry.name);
  }
  const max = entry.name === MANIFEST_ENTRY ? limits.maxManifestBytes : limits.maxEntryBytes;
  if (uncompressedSize > max) {
    throw new BundleError(
      'tooLarge',
      `Entri "${name}" menyatakan ukuran ${formatBytes(uncompressedSize)}, melebihi batas ${formatBytes(max)} per entri.`,
      entry.name,
    );
  }
  if (
    uncompressedSize > limits.ratioCheckFrom &&
    uncompressedSize > compressedSize * limits.maxCompressionRatio
  ) {
    throw new BundleError(
      'zipBomb',
      `Entri "${name}" ditolak: ${formatBytes(compressedSize)} data termampat mengembang menjadi ${formatBytes(uncompressedSize)} (rasio lebih dari ${limits.maxCompressionRatio}:1), ciri bom zip.`,
      entry.name,
    );
  }
}

/** Checks the entry count and the declared total against the limits and the file itself. */
export function checkDeclaredTotals(
  entries: readonly DeclaredEntry[],
  fileSize: number,
  limits: BundleLimits,
): void {
  if (entries.length > limits.maxEntries) {
    throw new BundleError(
      'tooLarge',
      `Berkas memuat ${entries.length} entri, melebihi batas ${limits.maxEntries} entri.`,
    );
  }
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (total > limits.maxTotalBytes) {
    throw new BundleError(
      'tooLarge',
      `Isi berkas menyatakan total ${formatBytes(total)}, melebihi batas ${formatBytes(limits.maxTotalBytes)}.`,
    );
  }
  // The data of the entries must fit in the file: a header declaring more compressed bytes than
  // the file holds is a truncated or forged zip.
  if (compressed > fileSize) {
    throw new BundleError(
      'corrupt',
      `Ukuran data yang dinyatakan (${formatBytes(compressed)}) melebihi ukuran berkas (${formatBytes(fileSize)}); berkas terpotong atau rusak.`,
    );
  }
}
