/**
 * The rekap of many Pemda (`spbe-eval rekap`): 500 bundles of 47 answers each, no evidence.
 * Whole-run time against validating the same files alone (goal ≤ 1,5×), and the peak memory
 * growth for 100 and for 500 files (goal: it does not grow with the number of files beyond the
 * rows kept).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeBundle } from '../../shared/bundle/zip';
import { openBundleFile } from '../../electron/cli/commands/bundle-file';
import { rekapCommand } from '../../electron/cli/commands/rekap';
import { nodeIo, writeAtomic } from '../../electron/cli/node-io';
import { makeFixture, writeInput } from '../unit/bundle/fixtures';
import { peakHeapMb, report, timeMs } from './harness';

const FILES = 500;
const VERSION = '0.1.0-bench';

/** `count` bundles; with `instansi`, they belong to that many instansi (rows kept), else one each. */
async function makeFolder(dir: string, count: number, instansi = count): Promise<void> {
  for (let i = 0; i < count; i++) {
    const levels = Object.fromEntries(
      Array.from({ length: 47 }, (_, k) => [k + 1, 1 + ((i + k) % 5)]),
    );
    const f = makeFixture({
      seed: i,
      instansiName: `Pemerintah Kabupaten Uji ${(i % instansi) + 1}`,
      levels,
      evidenceSizes: [],
    });
    await writeAtomic(path.join(dir, `uji-${String(i).padStart(3, '0')}.spbe`), (sink) =>
      writeBundle(sink, writeInput(f), { includeEvidence: false }).then(() => undefined),
    );
  }
}

export async function benchRekap(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'spbe-bench-rekap-'));
  const big = path.join(root, 'lima-ratus');
  const small = path.join(root, 'seratus');
  const fewBig = path.join(root, 'lima-ratus-sepuluh-instansi');
  const fewSmall = path.join(root, 'seratus-sepuluh-instansi');
  const io = { ...nodeIo(), out: () => undefined, err: () => undefined };
  try {
    await import('node:fs/promises').then((fs) =>
      Promise.all([big, small, fewBig, fewSmall].map((d) => fs.mkdir(d))),
    );
    await makeFolder(big, FILES);
    await makeFolder(small, 100);
    await makeFolder(fewBig, FILES, 10);
    await makeFolder(fewSmall, 100, 10);
    const files = (await readdir(big)).map((n) => path.join(big, n));
    const validateAll = async () => {
      for (const file of files) {
        const { handle } = await openBundleFile(io, file, { appVersion: VERSION });
        await handle.close();
      }
    };
    const rekap = (dir: string) => () =>
      rekapCommand(io, [dir], {
        output: path.join(root, 'rekap.xlsx'),
        json: false,
        appVersion: VERSION,
      });
    const validateMs = await timeMs(validateAll, 3, 1);
    const rekapMs = await timeMs(rekap(big), 3, 1);
    report({
      name: `rekap: ${FILES} bundles (47 answers, no evidence)`,
      value: rekapMs,
      unit: 'ms',
      ratio: {
        value: rekapMs / validateMs,
        baseline: 'validating the same files alone (goal ≤ 1,5)',
      },
    });
    globalThis.gc?.();
    const heapMb = () => {
      const m = process.memoryUsage();
      return (m.heapUsed + m.arrayBuffers) / (1024 * 1024);
    };
    const before100 = heapMb();
    const { peakMb: peak100 } = await peakHeapMb(rekap(small), { live: true });
    globalThis.gc?.();
    const before500 = heapMb();
    const { peakMb: peak500 } = await peakHeapMb(rekap(big), { live: true });
    report({
      name: 'rekap: peak live heap, 100 bundles',
      value: Math.max(0, peak100 - before100),
      unit: 'MB',
    });
    report({
      name: `rekap: peak live heap, ${FILES} bundles`,
      value: Math.max(0, peak500 - before500),
      unit: 'MB',
      note: 'goal: not growing with the number of files beyond the rows kept',
    });
    // Every bundle here is another instansi, so every one is a row kept (and a row of each
    // sheet of the workbook built at the end); the growth per extra row is what to watch.
    report({
      name: 'rekap: heap per extra row kept (100 → 500)',
      value:
        ((Math.max(0, peak500 - before500) - Math.max(0, peak100 - before100)) * 1024) /
        (FILES - 100),
      unit: 'KB',
      note: 'one row of three sheets in the workbook and the values kept for the distribution; no bundle is held',
    });
    // The same numbers of files, from only 10 instansi (many exports each): 10 rows kept, so the
    // peak must not grow from 100 to 500 files beyond the collector's slack.
    globalThis.gc?.();
    const beforeFew100 = heapMb();
    const { peakMb: peakFew100 } = await peakHeapMb(rekap(fewSmall), { live: true });
    globalThis.gc?.();
    const beforeFew500 = heapMb();
    const { peakMb: peakFew500 } = await peakHeapMb(rekap(fewBig), { live: true });
    report({
      name: 'rekap: peak live heap, 100 bundles of 10 instansi',
      value: Math.max(0, peakFew100 - beforeFew100),
      unit: 'MB',
    });
    report({
      name: `rekap: peak live heap, ${FILES} bundles of 10 instansi`,
      value: Math.max(0, peakFew500 - beforeFew500),
      unit: 'MB',
      note: 'goal: about the same as for 100 (10 rows kept either way)',
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
