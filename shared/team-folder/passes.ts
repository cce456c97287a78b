/**
 * Which team-folder files to read on a pass, and what a pass learned about each. A file counts as
 * new when its size or modification time differs from the last time it was settled; its content
 * hash then tells a real change from a file merely touched (a sync client re-writing the same
 * bytes). A file being written by a sync client is never half-read: when its size or time changed
 * between the listing and the read, or it does not read as a complete bundle, it is retried on the
 * next pass, and reported as broken only after it stayed unchanged and unreadable for several
 * passes.
 */

export interface ListedFile {
  path: string;
  size: number;
  lastModified: number;
}

export interface TrackedFile extends ListedFile {
  /** SHA-256 of the content last settled; null while it never read completely. */
  hash: string | null;
  /** done: settled (imported, queued or nothing to do); retry: read again; broken: gave up. */
  status: 'done' | 'retry' | 'broken';
  /** Unreadable passes in a row with the same size and time. */
  failures: number;
  /** Why it is retried or broken (Indonesian). */
  message?: string;
}

/** Passes a file must stay unchanged and unreadable before it is reported as broken. */
export const PASSES_BEFORE_BROKEN = 3;

const sameStamp = (a: ListedFile, b: ListedFile): boolean =>
  a.size === b.size && a.lastModified === b.lastModified;

/** Whether a listed file must be read on this pass. */
export function needsReading(entry: ListedFile, tracked: TrackedFile | undefined): boolean {
  if (!tracked) return true;
  if (!sameStamp(entry, tracked)) return true;
  return tracked.status === 'retry';
}

/** A file whose size or time changed between the listing and the read is still being written. */
export const isBeingWritten = (listed: ListedFile, read: ListedFile): boolean =>
  !sameStamp(listed, read);

/** Whether the content read is the one already settled (touched, not changed). */
export const sameContent = (tracked: TrackedFile | undefined, hash: string): boolean =>
  tracked?.hash === hash && tracked.status === 'done';

/** After a read that failed: retried, or broken once unchanged and unreadable long enough. */
export function afterFailure(
  entry: ListedFile,
  tracked: TrackedFile | undefined,
  message: string,
  passes = PASSES_BEFORE_BROKEN,
): TrackedFile {
  const failures =
    tracked && tracked.status !== 'done' && sameStamp(entry, tracked) ? tracked.failures + 1 : 1;
  return {
    path: entry.path,
    size: entry.size,
    lastModified: entry.lastModified,
    hash: tracked?.hash ?? null,
    status: failures >= passes ? 'broken' : 'retry',
    failures,
    message,
  };
}

/** After a file that changed while it was read: read again next pass (not a failure). */
export function stillWriting(entry: ListedFile, tracked: TrackedFile | undefined): TrackedFile {
  return {
    path: entry.path,
    size: entry.size,
    lastModified: entry.lastModified,
    hash: tracked?.hash ?? null,
    status: 'retry',
    failures: 0,
    message: 'Berkas sedang ditulis; dibaca lagi pada pemeriksaan berikutnya.',
  };
}

/** After a complete read that was acted on (or needed nothing). */
export function settled(entry: ListedFile, hash: string): TrackedFile {
  return { ...pick(entry), hash, status: 'done', failures: 0 };
}

const pick = ({ path, size, lastModified }: ListedFile): ListedFile => ({
  path,
  size,
  lastModified,
});

/** Tracked files whose path is no longer listed (a teammate's file deleted): dropped. */
export function withoutGone(
  tracked: ReadonlyMap<string, TrackedFile>,
  listed: readonly ListedFile[],
): Map<string, TrackedFile> {
  const present = new Set(listed.map((e) => e.path));
  return new Map([...tracked].filter(([path]) => present.has(path)));
}

/**
 * Whether a bundle reader's refusal may mean the file is still arriving (cut off, not yet a zip,
 * sizes not matching, an entry missing, the bytes changed while read) rather than a wrong file.
 */
export const mayBeIncomplete = (code: string | undefined): boolean =>
  code === undefined ||
  ['empty', 'notZip', 'corrupt', 'sizeMismatch', 'missingEntry', 'io', 'manifestInvalid'].includes(
    code,
  );
