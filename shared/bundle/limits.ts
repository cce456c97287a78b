/**
 * Size bounds of a bundle, checked twice: on what the zip declares (here, before a byte is
 * inflated) and on what is really streamed out of each entry (counted chunk by chunk by the
 * reader's verifying stream, zip/streams.ts, so a lying header cannot make it inflate more than
 * declared). The compression-ratio bound (per entry, and over the whole archive, from small
 * sizes up) stops a zip bomb before it runs, split into many entries or not; the inflation
 * budget (a multiple of the file's size, under an absolute cap, both named in the message) bounds
 * the total, declared and streamed; the streamed count stops one whose header lies about its size.
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
  /** All entries together, inflated: the absolute cap of the inflation budget. */
  maxTotalBytes: number;
  /**
   * All entries together, inflated, as a multiple of the file's size (a bundle's evidence is
   * stored, not deflated; only JSON deflates, about 10:1). The budget of a file is
   * max(`minInflationBudget`, size × this), never above `maxTotalBytes`.
   */
  maxInflationFactor: number;
  /** The inflation budget of a small file (so a tiny valid bundle is never refused by it). */
  minInflationBudget: number;
  maxEntries: number;
  /**
   * Inflated / compressed, per entry above `ratioCheckFrom` inflated bytes and for the whole
   * archive above the same size. Deflate tops out near 1032.
   */
  maxCompressionRatio: number;
  ratioCheckFrom: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const DEFAULT_BUNDLE_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxManifestBytes: 64 * MiB,
  // Evidence files are capped at 200 MB by default in the app, but that is a setting; the bundle
  // bound is the outer wall against hostile files, not the policy.
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 64 * GiB,
  maxInflationFactor: 100,
  minInflationBudget: 1 * MiB,
  maxEntries: 100_000,
  // JSON of a full evaluation deflates about 10:1; repeated audit text can reach 50:1.
  maxCompressionRatio: 200,
  // Small enough that many small entries cannot each hide a bomb (a multi-entry bomb).
  ratioCheckFrom: 16 * KiB,
});

/** The inflation budget of a file of `fileSize` bytes: how many bytes its entries may yield. */
export function inflationBudget(
  fileSize: number,
  limits: Pick<BundleLimits, 'maxTotalBytes' | 'maxInflationFactor' | 'minInflationBudget'>,
): number {
  return Math.min(
    limits.maxTotalBytes,
    Math.max(limits.minInflationBudget, fileSize * limits.maxInflationFactor),
  );
}

/** The refusal of a file whose entries yield (or declare) more than its budget. */
export function overBudgetError(
  total: number,
  fileSize: number,
  limits: Pick<BundleLimits, 'maxTotalBytes' | 'maxInflationFactor' | 'minInflationBudget'>,
  declared: boolean,
): BundleError {
  const budget = inflationBudget(fileSize, limits);
  const rule = `paling banyak ${limits.maxInflationFactor} kali ukuran berkas dan tidak lebih dari ${formatBytes(limits.maxTotalBytes)}`;
  return declared
    ? new BundleError(
        'tooLarge',
        `Isi berkas menyatakan total ${formatBytes(total)} setelah dibuka, melebihi batas ${formatBytes(budget)} untuk berkas berukuran ${formatBytes(fileSize)} (${rule}).`,
      )
    : new BundleError(
        'zipBomb',
        `Isi berkas menghasilkan lebih dari batas ${formatBytes(budget)} setelah dibuka untuk berkas berukuran ${formatBytes(fileSize)} (${rule}); pembacaan dihentikan.`,
      );
}

/**
 * Counts the bytes really inflated out of a file, across all its entries, and throws at the
 * first chunk past the budget (so a lying archive stops inflating at once).
 */
export function inflationCounter(
  fileSize: number,
  limits: Pick<BundleLimits, 'maxTotalBytes' | 'maxInflationFactor' | 'minInflationBudget'>,
): (n: number) => void {
  const budget = inflationBudget(fileSize, limits);
  let total = 0;
  return (n) => {
    total += n;
    if (total > budget) throw overBudgetError(total, fileSize, limits, false);
  };
}

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
  checkEntryRatio(entry, limits);
}

/** The compression-ratio check of one entry (from `ratioCheckFrom` inflated bytes up). */
export function checkEntryRatio(
  entry: DeclaredEntry,
  limits: Pick<BundleLimits, 'maxCompressionRatio' | 'ratioCheckFrom'>,
): void {
  const { compressedSize, uncompressedSize } = entry;
  if (
    uncompressedSize > limits.ratioCheckFrom &&
    uncompressedSize > compressedSize * limits.maxCompressionRatio
  ) {
    throw new BundleError(
      'zipBomb',
      `Entri "${displayName(entry.name)}" ditolak: ${formatBytes(compressedSize)} data termampat mengembang menjadi ${formatBytes(uncompressedSize)} (rasio lebih dari ${limits.maxCompressionRatio}:1), ciri bom zip.`,
      entry.name,
    );
  }
}

/** The limits every archive the app reads shares (bundles and backups). */
export type ArchiveBudget = Pick<
  BundleLimits,
  | 'maxEntries'
  | 'maxTotalBytes'
  | 'maxInflationFactor'
  | 'minInflationBudget'
  | 'maxCompressionRatio'
  | 'ratioCheckFrom'
>;

/** Checks the entry count and the declared total against the limits and the file itself. */
export function checkDeclaredTotals(
  entries: readonly DeclaredEntry[],
  fileSize: number,
  limits: ArchiveBudget,
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
  if (total > limits.maxTotalBytes || total > inflationBudget(fileSize, limits)) {
    throw overBudgetError(total, fileSize, limits, true);
  }
  // Many small entries each under the per-entry check can still make a bomb together.
  if (
    total > limits.ratioCheckFrom &&
    total > Math.max(compressed, 1) * limits.maxCompressionRatio
  ) {
    throw new BundleError(
      'zipBomb',
      `Berkas ditolak: ${formatBytes(compressed)} data termampat di ${entries.length} entri mengembang menjadi ${formatBytes(total)} (rasio lebih dari ${limits.maxCompressionRatio}:1), ciri bom zip.`,
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
