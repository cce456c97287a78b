/**
 * Reading many .spbe files for the rekap screen: each is validated exactly as an import
 * validates it (every evidence file hashed as it passes, nothing kept), one at a time, and turned
 * into its rekap row or its refusal. A refused file never stops the others; cancelling stops
 * between and inside files and stores nothing (nothing is stored anyway).
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
import { webSha256 } from '../../db/commands/hash';
import type { PickedFile } from '../../platform/types';

export interface RekapReadOptions {
  password?: string;
  signal?: AbortSignal;
  /** Before each file: its position (1-based) and name. */
  onFile?: (index: number, total: number, name: string) => void;
}

export interface RekapRead {
  /** The rows kept (latest per instansi and year), see `LatestRows`. */
  kept: RekapRow[];
  superseded: SupersededRow[];
  refused: RefusedFile[];
}

export async function readRekapFiles(
  files: readonly PickedFile[],
  options: RekapReadOptions = {},
): Promise<RekapRead> {
  const latest = new LatestRows();
  const refused: RefusedFile[] = [];
  for (const [i, file] of files.entries()) {
    options.signal?.throwIfAborted();
    options.onFile?.(i + 1, files.length, file.name);
    if (!file.name.toLowerCase().endsWith('.spbe')) {
      refused.push({ file: file.name, reason: 'bukan berkas .spbe' });
      continue;
    }
    try {
      const bundle = await readBundle(await file.blob(), {
        appVersion: __APP_VERSION__,
        password: options.password || undefined,
        signal: options.signal,
        hash: webSha256,
        // Every evidence file is hashed on its way past; the rekap keeps none of them.
        spool: async () => new WritableStream<Uint8Array>(),
      });
      const row = rekapRow({ file: file.name, manifest: bundle.manifest, pack: bundle.pack });
      if (isRefused(row)) refused.push(row);
      else latest.add(row);
    } catch (e) {
      if (isBundleError(e) && e.code === 'aborted') throw e;
      if (options.signal?.aborted) throw e;
      refused.push({
        file: file.name,
        reason: isBundleError(e)
          ? e.message
          : `tidak dapat dibaca (${e instanceof Error ? e.message : String(e)})`,
      });
    }
  }
  return { ...latest.result(), refused };
}
