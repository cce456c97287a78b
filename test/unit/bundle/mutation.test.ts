/**
 * Mutation testing of the reader: a few hundred variants of valid bundles (bit flips anywhere,
 * truncations, entry renames, manifest fields changed, removed or retyped). Each must either be
 * refused with a clean Indonesian `BundleError` (never another exception, never a hang) or be
 * accepted only when what it holds is still valid: the manifest passes every content check and
 * every evidence file streams back with its hash.
 */
import { describe, expect, it } from 'vitest';
import { BundleError, bundleErrorCodes, checkManifestContent } from '../../../shared/bundle';
import { readBundle, type OpenedBundle } from '../../../shared/bundle/zip';
import {
  corpusFixture,
  evidenceEntries,
  manifestOf,
  validBundle,
} from '../../fixtures/bundles/make-corpus';
import { APP_VERSION, sha256, streamBytes } from './fixtures';
import { centralDirectory, flipByte, rawZip, replaceBytes } from './zip-bytes';

/** Deterministic PRNG (mulberry32) so a failing variant can be reproduced by its index. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Variant {
  label: string;
  bytes: Uint8Array;
  password?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON value (objects and arrays), for picking one to mutate. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const k of keys) {
      const next = [...prefix, k];
      out.push(next);
      paths((value as Record<string | number, Json>)[k] as Json, next, out);
    }
  }
  return out;
}

function mutateJson(root: Json, random: () => number): { value: Json; what: string } {
  const copy = structuredClone(root);
  const all = paths(copy);
  const target = all[Math.floor(random() * all.length)]!;
  const parentPath = target.slice(0, -1);
  let parent = copy as Record<string | number, Json>;
  for (const k of parentPath) parent = parent[k] as Record<string | number, Json>;
  const key = target[target.length - 1]!;
  const replacements: [string, () => Json | undefined][] = [
    ['hapus', () => undefined],
    ['null', () => null],
    ['-1', () => -1],
    ['1e300', () => 1e300],
    ['teks', () => 'x'],
    ['teks panjang', () => 'y'.repeat(30_000)],
    ['daftar kosong', () => []],
    ['objek kosong', () => ({})],
    ['true', () => true],
    ['3.5', () => 3.5],
    ['hash lain', () => 'a'.repeat(64)],
  ];
  const [what, make] = replacements[Math.floor(random() * replacements.length)]!;
  const v = make();
  if (v === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = v;
  }
  return { value: copy, what: `${target.join('.')} -> ${what}` };
}

async function variants(): Promise<Variant[]> {
  const random = prng(20261122);
  const f = corpusFixture();
  const plain = await validBundle(f);
  const locked = await validBundle(f, 'sandi');
  const out: Variant[] = [];
  const pick = (n: number): number => Math.floor(random() * n);

  for (let i = 0; i < 120; i += 1) {
    const at = pick(plain.byteLength);
    out.push({ label: `flip ${at}`, bytes: flipByte(plain, at, 1 << pick(8)) });
  }
  for (let i = 0; i < 40; i += 1) {
    const at = pick(locked.byteLength);
    out.push({
      label: `flip terenkripsi ${at}`,
      bytes: flipByte(locked, at, 1 << pick(8)),
      password: 'sandi',
    });
  }
  for (let i = 0; i < 50; i += 1) {
    const length = pick(plain.byteLength);
    out.push({ label: `potong ${length}`, bytes: plain.slice(0, length) });
  }
  const names = centralDirectory(plain).map((e) => e.name);
  const alphabet = 'ab0./\\.:-_\u0000';
  for (let i = 0; i < 30; i += 1) {
    const from = names[pick(names.length)]!;
    const to = [...from]
      .map((c) => (random() < 0.3 ? alphabet[pick(alphabet.length)]! : c))
      .join('');
    if (new TextEncoder().encode(to).byteLength !== new TextEncoder().encode(from).byteLength) {
      continue;
    }
    out.push({
      label: `ganti nama ${from} -> ${JSON.stringify(to)}`,
      bytes: replaceBytes(plain, from, to),
    });
  }
  const manifest = manifestOf(f) as unknown as Json;
  for (let i = 0; i < 100; i += 1) {
    const { value, what } = mutateJson(manifest, random);
    out.push({
      label: `manifest ${what}`,
      bytes: await rawZip([
        ...evidenceEntries(f),
        { name: 'manifest.json', data: new TextEncoder().encode(JSON.stringify(value)) },
      ]),
    });
  }
  return out;
}

const ENGLISH = /\b(Invalid|Cannot|Unexpected|undefined|is not|TypeError|failed|expected)\b/;

async function withinSeconds<T>(p: Promise<T>, seconds: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${label}`)), seconds * 1000);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stillValid(opened: OpenedBundle): Promise<void> {
  expect(checkManifestContent(opened.manifest, opened.pack)).toEqual([]);
  for (const file of opened.files) {
    const bytes = await streamBytes(opened.openEvidence(file.hash));
    expect(bytes.byteLength).toBe(file.size);
    expect(sha256(bytes)).toBe(file.hash);
  }
}

describe('mutated bundles', () => {
  it('are refused cleanly in Indonesian or accepted only when still valid', async () => {
    const list = await variants();
    expect(list.length).toBeGreaterThanOrEqual(300);
    const outcomes = new Map<string, number>();
    for (const v of list) {
      const result = await withinSeconds(
        readBundle(new Blob([v.bytes.slice()]), {
          appVersion: APP_VERSION,
          password: v.password,
        }).then(
          (opened) => ({ opened }),
          (error: unknown) => ({ error }),
        ),
        20,
        v.label,
      );
      if ('opened' in result) {
        await stillValid(result.opened);
        outcomes.set('diterima', (outcomes.get('diterima') ?? 0) + 1);
        continue;
      }
      const { error } = result;
      expect(error, v.label).toBeInstanceOf(BundleError);
      const e = error as BundleError;
      expect(bundleErrorCodes, v.label).toContain(e.code);
      expect(e.message.length, v.label).toBeGreaterThan(10);
      expect(e.message, v.label).not.toContain('\n');
      expect(e.message, `${v.label}: ${e.message}`).not.toMatch(ENGLISH);
      outcomes.set(e.code, (outcomes.get(e.code) ?? 0) + 1);
    }
    // The variants reach many different checks, not one early refusal.
    expect(outcomes.size).toBeGreaterThanOrEqual(6);
  }, 240_000);
});
