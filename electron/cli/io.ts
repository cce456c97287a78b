/**
 * What a CLI command may touch, passed in so that commands are testable without a process:
 * output streams and files. Small files are read whole (`readFile`); bundles are opened for
 * random access (`openFile`: a zip is read from its end) or streamed (`readStream`), and written
 * through a stream into a temporary file renamed into place only on success (`writeFileAtomic`),
 * so a failed or interrupted command never leaves a half-written file.
 */
import type { HashFactory } from '../../shared/bundle';
import type { RandomAccessSource } from '../../shared/bundle/zip';
import type { Crc32Factory } from '../../shared/bundle/zip/crc32';

export interface CliFile extends RandomAccessSource {
  close(): Promise<void>;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  openFile: (path: string) => Promise<CliFile>;
  readStream: (path: string) => ReadableStream<Uint8Array>;
  writeFileAtomic: (
    path: string,
    write: (sink: WritableStream<Uint8Array>) => Promise<void>,
  ) => Promise<void>;
  /**
   * The entries of a folder (names, not paths), or null when the path is not a folder. Optional:
   * without it every argument is taken as a file.
   */
  listDir?: (path: string) => Promise<string[] | null>;
  /** SHA-256 for evidence and files (Node's native one in the real CLI). */
  hash?: HashFactory;
  /** CRC-32 for bundle entries (Node's native one in the real CLI; JavaScript when absent). */
  crc32?: Crc32Factory;
}

/** A failure the user caused (bad input): one Indonesian line, and the exit code to use. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;
/** `merge`: conflicts remain that need a decision. */
export const EXIT_CONFLICTS = 3;
