/**
 * The bench harness: measures figures and prints one line each, as
 *   <name>  <value> <unit>  [ratio <r> to <baseline>]
 * Figures are measured, never asserted: speed goals are read off this output, not tested.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  ratio?: { value: number; baseline: string };
  note?: string;
}

const figures: Figure[] = [];

export function report(figure: Figure): void {
  figures.push(figure);
  const value = figure.value >= 100 ? figure.value.toFixed(0) : figure.value.toPrecision(3);
  const ratio = figure.ratio
    ? `  ratio ${figure.ratio.value.toFixed(2)} to ${figure.ratio.baseline}`
    : '';
  const note = figure.note ? `  (${figure.note})` : '';
  console.log(`${figure.name.padEnd(48)} ${value.padStart(10)} ${figure.unit}${ratio}${note}`);
}

/** Median wall time of `fn` in milliseconds over `runs` runs after `warmup` runs. */
export async function timeMs(fn: () => unknown, runs = 20, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Peak resident memory sampled while `fn` runs (MB), for "memory must not grow" checks. */
export async function peakRssMb<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Peak of the JS heap plus array buffers while `fn` runs, in MB (sampled every 5 ms, or 500 ms
 * when live, and at the end). Unlike RSS, this falls back after a collection, so it shows what one run holds even after
 * earlier runs have grown the process.
 */
export async function peakHeapMb<T>(
  fn: () => Promise<T>,
  options: { live?: boolean } = {},
): Promise<{ result: T; peakMb: number }> {
  // live: collect before each sample (needs --expose-gc), so garbage not yet collected is not
  // counted and the figure is what the run holds; for memory figures only, never for timings.
  const used = () => {
    if (options.live) globalThis.gc?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let peak = used();
  const timer = setInterval(
    () => {
      peak = Math.max(peak, used());
    },
    options.live ? 500 : 5,
  );
  try {
    const result = await fn();
    peak = Math.max(peak, used());
    return { result, peakMb: peak / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}

export const allFigures = (): readonly Figure[] => figures;
