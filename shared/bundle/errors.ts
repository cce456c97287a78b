/**
 * Why a bundle was refused: one error class with a stable code (for the UI and the CLI to branch
 * on) and a specific Indonesian message saying what is wrong and in which entry. Every refusal of
 * a bundle, by the pure checks or the zip I/O, is a `BundleError`; anything else escaping the
 * reader is a bug.
 */

export const bundleErrorCodes = [
  /** Zero bytes. */
  'empty',
  /** Not a zip container at all. */
  'notZip',
  /** A zip whose structure is cut off or damaged (truncated, bad central directory). */
  'corrupt',
  /** Encrypted and no password given. */
  'passwordRequired',
  /** Encrypted and the password does not open it. */
  'wrongPassword',
  /** An entry name the format does not allow (path, `..`, absolute, backslash, unknown). */
  'entryName',
  /** The same entry name twice. */
  'duplicateEntry',
  /** Over a size limit (manifest, one entry, total, entry count). */
  'tooLarge',
  /** Compression ratio or inflated size of a zip bomb. */
  'zipBomb',
  /** A size declared in the zip or the manifest differs from the real one. */
  'sizeMismatch',
  /** An evidence file whose SHA-256 is not the one it is stored under. */
  'hashMismatch',
  /** An entry the manifest lists is absent. */
  'missingEntry',
  /** An entry present in the zip that the manifest does not list. */
  'extraEntry',
  /** The manifest is not UTF-8 JSON, or not the schema. */
  'manifestInvalid',
  /** Made by a newer app: a newer major format version. */
  'formatTooNew',
  /** A format version this app cannot read (no migration). */
  'formatUnknown',
  /** The instrument pack is not installed. */
  'instrumentUnknown',
  /** The instrument is installed in another version. */
  'instrumentVersion',
  /** Levels out of range, links to missing evidence, rows of another evaluation, ... */
  'content',
  /** Encryption mixed between entries, unsupported compression or encryption method. */
  'unsupported',
  /** Cancelled through the AbortSignal. */
  'aborted',
  /** Export: the evidence bytes in storage do not match their recorded hash or size. */
  'sourceInvalid',
  /** The bytes could not be read or written (disk, permissions, a file changed while read). */
  'io',
] as const;
export type BundleErrorCode = (typeof bundleErrorCodes)[number];

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    /** The zip entry concerned, when there is one. */
    readonly entry?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BundleError';
  }
}

export const isBundleError = (e: unknown): e is BundleError => e instanceof BundleError;

/** The error an AbortSignal cancellation becomes. */
export const abortedError = (): BundleError =>
  new BundleError('aborted', 'Proses dibatalkan oleh pengguna.');
