/**
 * Reading many .spbe files for the rekap screen: each is validated exactly as an import
 * validates it (every evidence file hashed as it passes, nothing kept), one at a time, and turned
 * into its rekap row or its refusal. A refused file never stops the others; cancelling stops
 * between and inside files and stores nothing (nothing is stored anyway). What a pick read is
 * added to the screen's `RekapList` only once the pick is read through.
 */
import { isBundleError } from '../../../../shared/bundle';
import { readBundle } from '../../../../shared/bundle/zip';
import {
  isRefused,
  LatestRows,
  rekapRow,
  type RefusedFile,
  type RekapRow,
  type SupersededRow,
} from '../../../../shared/rekap/rekap';
import { sha256Hex } from '../../../../shared/hash/sha256';
import { webSha256 } from '../../db/commands/hash';
import type { PickedFile } from '../../platform/types';

export interface RekapReadOptions {
  password?: string;
  signal?: AbortSignal;
  /** Before each file: its position (1-based) and name. */
  onFile?: (index: number, total: number, name: string) => void;
  /** Whether a file of this content (SHA-256) is loaded already: it is then skipped. */
  loaded?: (hash: string) => boolean;
}

/** What became of one file: its row, or its refusal; `key` is its content hash. */
export type RekapOutcome = { key: string; row: RekapRow } | { key: string; refused: RefusedFile };

export interface RekapRead {
  outcomes: RekapOutcome[];
  /** Files skipped because the same content is loaded already (or earlier in this pick). */
  duplicates: number;
}

export async function readRekapFiles(
  files: readonly PickedFile[],
  options: RekapReadOptions = {},
): Promise<RekapRead> {
  const outcomes: RekapOutcome[] = [];
  const read = new Set<string>();
  let duplicates = 0;
  for (const [i, file] of files.entries()) {
    options.signal?.throwIfAborted();
    options.onFile?.(i + 1, files.length, file.name);
    if (!file.name.toLowerCase().endsWith('.spbe')) {
      outcomes.push({
        key: `nama:${file.name}`,
        refused: { file: file.name, reason: 'bukan berkas .spbe' },
      });
      continue;
    }
    try {
      const blob = await file.blob();
      // The same content under any name is one file: it is neither read nor counted twice.
      const key = await sha256Hex(blob.stream(), webSha256);
      options.signal?.throwIfAborted();
      if (read.has(key) || options.loaded?.(key)) {
        duplicates += 1;
        continue;
      }
      read.add(key);
      try {
        const bundle = await readBundle(blob, {
          appVersion: __APP_VERSION__,
          password: options.password || undefined,
          signal: options.signal,
          hash: webSha256,
          // Every evidence file is hashed on its way past; the rekap keeps none of them.
          spool: async () => new WritableStream<Uint8Array>(),
        });
        const row = rekapRow({ file: file.name, manifest: bundle.manifest, pack: bundle.pack });
        outcomes.push(isRefused(row) ? { key, refused: row } : { key, row });
      } catch (e) {
        if (isBundleError(e) && e.code === 'aborted') throw e;
        if (options.signal?.aborted) throw e;
        outcomes.push({ key, refused: { file: file.name, reason: refusal(e) } });
      }
    } catch (e) {
      if (isBundleError(e) && e.code === 'aborted') throw e;
      if (options.signal?.aborted) throw e;
      outcomes.push({
        key: `nama:${file.name}`,
        refused: { file: file.name, reason: refusal(e) },
      });
    }
  }
  return { outcomes, duplicates };
}

const refusal = (e: unknown): string =>
  isBundleError(e)
    ? e.message
    : `tidak dapat dibaca (${e instanceof Error ? e.message : String(e)})`;

/**
 * The files of a rekap, gathered over several picks: each pick adds to it. Per instansi and year
 * the latest final evaluation is kept across all of them (`LatestRows`). A file is one content:
 * picked again it is not counted twice, and a file refused before (a protected file without its
 * password) is replaced by what its next reading gives.
 */
export class RekapList {
  private readonly latest = new LatestRows();
  private readonly loadedKeys = new Set<string>();
  private readonly refused = new Map<string, RefusedFile>();

  /** Whether a file of this content is in the rekap (refused files may be read again). */
  has(key: string): boolean {
    return this.loadedKeys.has(key);
  }

  add(outcomes: readonly RekapOutcome[]): void {
    for (const o of outcomes) {
      if ('row' in o) {
        this.latest.add(o.row);
        this.loadedKeys.add(o.key);
        this.refused.delete(o.key);
      } else this.refused.set(o.key, o.refused);
    }
  }

  /** Files in the list: loaded (kept or superseded) and refused. */
  get files(): number {
    return this.loadedKeys.size + this.refused.size;
  }

  result(): { kept: RekapRow[]; superseded: SupersededRow[]; refused: RefusedFile[] } {
    return { ...this.latest.result(), refused: [...this.refused.values()] };
  }
}
