/**
 * The manifest schema's fast path (shared/bundle/fast-parse.ts) gives zod's answer exactly: on
 * valid manifests of both packs the same output (values and key order), with the input itself
 * reused; on hundreds of mutated manifests the same success or refusal, the same output, the same
 * issues. The mutations aim at what the fast path does by itself: key order, unknown keys, trims,
 * defaults, optional keys, unions, records, string lengths counted in code points, bounds.
 */
import { describe, expect, it } from 'vitest';
import { bundleManifestSchema } from '../../../shared/bundle';
import { fastSafeParse } from '../../../shared/bundle/fast-parse';
import { indonesianErrorMap } from '../../../shared/format/zod-messages';
import { LIMITS } from '../../../shared/assessment/limits';
import { findPack, indicatorEntries, type InstrumentPack } from '../../../shared/instrument';
import { manifestOf } from '../../fixtures/bundles/make-corpus';
import { makeFixture } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const parse = fastSafeParse(bundleManifestSchema);
const packs = [findPack('permenpanrb-59-2020')!, findPack('permenpanrb-8-2026')!];

/** A valid manifest on `pack`, with a tombstone of each kind (the discriminated union). */
function manifestOn(pack: InstrumentPack): Obj {
  const count = indicatorEntries(pack).length;
  const f = makeFixture({
    seed: 3,
    logo: true,
    levels: Object.fromEntries(Array.from({ length: count }, (_, i) => [i + 1, 2] as const)),
  });
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  const m = JSON.parse(JSON.stringify(manifestOf(f))) as Obj;
  const snapshot = m.snapshot as Obj;
  const [evidence] = snapshot.evidence as Obj[];
  const [link] = snapshot.links as Obj[];
  const [member] = snapshot.members as Obj[];
  const common = (id: string) => ({
    id,
    evaluationId: (snapshot.evaluation as Obj).id!,
    at: (m.exportedAt as number) - 1000,
    by: { memberId: null, name: 'Ani Rahmawati' },
  });
  m.tombstones = [
    { ...common('t-1'), entity: 'evidence', evidence: evidence!, links: [link!] },
    { ...common('t-2'), entity: 'link', link: link!, hash: evidence!.hash!, fileName: 'a.pdf' },
    { ...common('t-3'), entity: 'member', member: member! },
  ];
  return m;
}

/** Deterministic PRNG (mulberry32): a failing variant is reproduced by its index. */
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

/** Every container (object or array) in a JSON value, with its path. */
function containers(value: Json, path: string[] = [], out: [string[], Obj | Json[]][] = []) {
  if (value !== null && typeof value === 'object') {
    out.push([path, value]);
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [k, v] of entries) containers(v, [...path, k], out);
  }
  return out;
}

const max = LIMITS.evidenceTitle;
/** Replacement values: wrong types, bounds, whitespace, code points beyond and within limits. */
const values: Json[] = [
  null,
  true,
  -1,
  0,
  1.5,
  2 ** 53,
  1e300,
  Date.UTC(2026, 10, 22),
  '',
  'x',
  ' teks ',
  '😀'.repeat(max),
  '😀'.repeat(max + 1),
  'y'.repeat(max + 1),
  'a'.repeat(64),
  '2026-02-31',
  '2026-03-01',
  'evidence',
  'link',
  'member',
  'imported',
  'diterima',
  [],
  [1, 2],
  {},
  { 'I1-L2-03': 'diterima' },
  { input: 3, year: 2025, note: '' },
];

/** One random change: replace, delete, add an unknown key, or reorder an object's keys. */
function mutate(root: Obj, random: () => number): { value: Json; what: string } {
  const copy = structuredClone(root);
  const all = containers(copy);
  const [path, target] = all[Math.floor(random() * all.length)]!;
  const where = path.join('.') || '(akar)';
  const keys: (string | number)[] = Array.isArray(target)
    ? target.map((_, i) => i)
    : Object.keys(target);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kind = random();
  if (Array.isArray(target)) {
    if (kind < 0.2 && target.length > 0) {
      target.splice(Math.floor(random() * target.length), 1);
      return { value: copy, what: `${where}: hapus butir` };
    }
    if (kind < 0.4 && target.length > 0) {
      target.push(structuredClone(pick(target)));
      return { value: copy, what: `${where}: butir ganda` };
    }
  } else {
    const obj = target;
    if (kind < 0.12) {
      const shuffled = Object.keys(obj).sort(() => random() - 0.5);
      const entries = shuffled.map((k) => [k, obj[k]!] as const);
      for (const k of shuffled) delete obj[k];
      for (const [k, v] of entries) obj[k] = v;
      return { value: copy, what: `${where}: urutan kunci ${shuffled.join(',')}` };
    }
    if (kind < 0.2) {
      obj[pick(['kolomBaru', 'butir', 'external', 'label', 'reportDate', 'seq'])] = pick(values);
      return { value: copy, what: `${where}: kunci tambahan` };
    }
    if (kind < 0.35 && keys.length > 0) {
      const key = String(pick(keys));
      delete obj[key];
      return { value: copy, what: `${where}.${key}: hapus` };
    }
  }
  if (keys.length === 0) return { value: copy, what: `${where}: tetap` };
  const key = pick(keys);
  const value = pick(values);
  (target as Record<string | number, Json>)[key] = value;
  return { value: copy, what: `${where}.${key} -> ${JSON.stringify(value).slice(0, 20)}` };
}

/** Zod's own answer and the fast path's, on separate copies of the same JSON. */
function both(value: Json) {
  const text = JSON.stringify(value);
  const fast = parse(JSON.parse(text), { error: indonesianErrorMap });
  const zod = bundleManifestSchema.safeParse(JSON.parse(text), { error: indonesianErrorMap });
  return { fast, zod };
}

function expectSame(value: Json, label: string): boolean {
  const { fast, zod } = both(value);
  expect(fast.success, label).toBe(zod.success);
  if (fast.success && zod.success) {
    // Same values and the same key order.
    expect(JSON.stringify(fast.data), label).toBe(JSON.stringify(zod.data));
    expect(fast.data, label).toEqual(zod.data);
  } else {
    expect(fast.error?.issues, label).toEqual(zod.error?.issues);
  }
  return zod.success;
}

describe.each(packs)('the fast manifest parse on $id', (pack) => {
  it('takes the fast road on a valid manifest and returns what zod returns', () => {
    const m = manifestOn(pack);
    const input = JSON.parse(JSON.stringify(m)) as Obj;
    const fast = parse(input);
    expect(fast.success).toBe(true);
    // Nothing to change: the input itself, not zod's copy.
    expect(fast.data).toBe(input);
    expect(expectSame(m, 'valid')).toBe(true);
  });

  it('fills defaults, trims and drops unknown top-level keys as zod does', () => {
    const m = manifestOn(pack);
    const snapshot = m.snapshot as Obj;
    const instansi = (snapshot.evaluation as Obj).instansi as Obj;
    delete instansi.province;
    delete ((snapshot.audit as Obj[])[0] as Obj).note;
    (m.exportedBy as Obj).name = '  Ani Rahmawati  ';
    ((snapshot.evidence as Obj[])[1] as Obj).fileName = ' Dokumen.pdf ';
    m.kolomVersiBaru = { apa: 1 };
    const { fast } = both(m);
    expect(fast.success).toBe(true);
    expect(fast.data?.snapshot.evaluation.instansi.province).toBe('');
    expect(fast.data?.exportedBy.name).toBe('Ani Rahmawati');
    expect('kolomVersiBaru' in (fast.data ?? {})).toBe(false);
    expect(expectSame(m, 'defaults')).toBe(true);
  });

  it('counts string lengths in code points, as zod does', () => {
    const m = manifestOn(pack);
    const row = (m.snapshot as Obj).evidence as Obj[];
    row[0]!.title = '😀'.repeat(max);
    expect(expectSame(m, 'at the limit')).toBe(true);
    row[0]!.title = '😀'.repeat(max + 1);
    expect(expectSame(m, 'beyond the limit')).toBe(false);
  });

  it('agrees with zod at every bound of every field of a row', () => {
    const base = manifestOn(pack);
    const limits = [
      ...new Set([0, 1, 2, 30, 40, 60, 64, 100, 120, 200, 300, ...Object.values(LIMITS)]),
    ];
    const texts = limits.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0);
    const numbers = [...limits.flatMap((n) => [n - 1, n, n + 1, n + 0.5]), -1, 2 ** 53, 1e300];
    const rows: (readonly [string, (m: Obj) => Obj])[] = [
      ['exportedBy', (m) => m.exportedBy as Obj],
      ['evaluation', (m) => (m.snapshot as Obj).evaluation as Obj],
      ['instansi', (m) => ((m.snapshot as Obj).evaluation as Obj).instansi as Obj],
      ...(['answers', 'evidence', 'links', 'members', 'audit'] as const).map(
        (table) => [table, (m: Obj) => ((m.snapshot as Obj)[table] as Obj[])[0]!] as const,
      ),
    ];
    let accepted = 0;
    for (const [name, rowOf] of rows) {
      for (const key of Object.keys(rowOf(base))) {
        const original = rowOf(base)[key];
        const candidates: Json[] =
          typeof original === 'number'
            ? numbers
            : texts.map((n) => (key === 'nip' ? '1'.repeat(n) : 'a'.repeat(n)));
        for (const value of candidates) {
          rowOf(base)[key] = value;
          if (expectSame(base, `${name}.${key} = ${String(value).slice(0, 12)}…`)) accepted += 1;
        }
        rowOf(base)[key] = original!;
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('agrees with zod on 400 mutated manifests', () => {
    const random = prng(pack.id.length * 7919);
    const base = manifestOn(pack);
    let accepted = 0;
    for (let i = 0; i < 400; i += 1) {
      let { value, what } = mutate(base, random);
      // Two changes at once now and then.
      if (random() < 0.3 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const again = mutate(value, random);
        value = again.value;
        what = `${what}; ${again.what}`;
      }
      if (expectSame(value, `#${i} ${what}`)) accepted += 1;
    }
    // Both outcomes are exercised, not only refusals.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  });
});
