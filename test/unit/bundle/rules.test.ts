/** The pure rules of the format: entry names, size bounds, content checks, the import plan. */
import { describe, expect, it } from 'vitest';
import type { EvaluationId, RevisionId } from '../../../shared/assessment';
import {
  checkDeclaredEntry,
  checkDeclaredTotals,
  checkEntryNames,
  checkManifestContent,
  classifyEntryName,
  confirmationText,
  DEFAULT_BUNDLE_LIMITS,
  importPlan,
} from '../../../shared/bundle';
import { defaultPack } from '../../../shared/instrument';
import { corpusFixture, manifestOf } from '../../fixtures/bundles/make-corpus';
import { makeFixture } from './fixtures';

const hash = 'ab'.repeat(32);

describe('entry names', () => {
  it.each([
    ['manifest.json', 'manifest'],
    [`evidence/${hash}`, 'evidence'],
    [`evidence/${hash.toUpperCase()}`, 'invalid'],
    [`evidence/${hash}.pdf`, 'invalid'],
    ['evidence/', 'invalid'],
    ['../manifest.json', 'invalid'],
    ['evidence/../manifest.json', 'invalid'],
    ['/manifest.json', 'invalid'],
    ['C:/x', 'invalid'],
    ['c:evil', 'invalid'],
    ['evidence\\x', 'invalid'],
    ['Manifest.json', 'invalid'],
    ['manifest.json\u0000.pdf', 'invalid'],
    ['', 'invalid'],
    ['notes.txt', 'invalid'],
  ])('%j is %s', (name, kind) => {
    expect(classifyEntryName(name).kind).toBe(kind);
  });

  it('refuses duplicates and a missing manifest, naming the entry', () => {
    expect(() =>
      checkEntryNames(['manifest.json', `evidence/${hash}`, `evidence/${hash}`]),
    ).toThrow(`Entri "evidence/${hash}" muncul lebih dari sekali di dalam berkas.`);
    expect(() => checkEntryNames([`evidence/${hash}`])).toThrow(/tidak memuat manifest\.json/);
    expect(() => checkEntryNames(['manifest.json', 'a\u0007b'])).toThrow(
      /Entri "a\\u0007b" ditolak: nama entri memuat karakter kendali/,
    );
  });
});

describe('size bounds', () => {
  const limits = DEFAULT_BUNDLE_LIMITS;
  it('refuses a manifest over its own bound and an entry over the per-entry bound', () => {
    expect(() =>
      checkDeclaredEntry(
        { name: 'manifest.json', compressedSize: 70e6, uncompressedSize: 70 * 1024 * 1024 },
        limits,
      ),
    ).toThrow(/melebihi batas 64 MB per entri/);
    expect(() =>
      checkDeclaredEntry(
        { name: `evidence/${hash}`, compressedSize: 3e9, uncompressedSize: 3e9 },
        limits,
      ),
    ).toThrow(/melebihi batas 2,0 GB/);
  });

  it('refuses a compression ratio of a zip bomb but not a deflated manifest', () => {
    expect(() =>
      checkDeclaredEntry(
        { name: `evidence/${hash}`, compressedSize: 10_000, uncompressedSize: 100_000_000 },
        limits,
      ),
    ).toThrow(expect.objectContaining({ code: 'zipBomb' }));
    expect(() =>
      checkDeclaredEntry(
        { name: 'manifest.json', compressedSize: 200_000, uncompressedSize: 2_000_000 },
        limits,
      ),
    ).not.toThrow();
  });

  it('refuses a total above the bound, too many entries, and more data than the file', () => {
    const e = { name: 'x', compressedSize: 10, uncompressedSize: 10 };
    expect(() => checkDeclaredTotals([e, e], 5, limits)).toThrow(/melebihi ukuran berkas/);
    expect(() => checkDeclaredTotals([e], 100, { ...limits, maxTotalBytes: 5 })).toThrow(
      /melebihi batas/,
    );
    expect(() => checkDeclaredTotals([e, e, e], 100, { ...limits, maxEntries: 2 })).toThrow(
      /3 entri, melebihi batas 2 entri/,
    );
  });
});

describe('content checks', () => {
  const pack = defaultPack();
  it('accepts a sound manifest', () => {
    expect(checkManifestContent(manifestOf(corpusFixture()), pack)).toEqual([]);
  });

  it('finds rows of another evaluation, duplicates, bad link levels and scope breaches', () => {
    const m = manifestOf(corpusFixture());
    m.snapshot.answers[1]!.evaluationId = 'lain' as EvaluationId;
    m.snapshot.answers.push({ ...m.snapshot.answers[0]! });
    m.snapshot.links[0]!.levels = [6];
    m.scope = { kind: 'indicators', indicators: [2] };
    const problems = checkManifestContent(m, pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        '1 jawaban milik evaluasi lain',
        'jawaban indikator "1" ganda',
        expect.stringMatching(/menyebut tingkat 6, padahal skala hanya sampai 5/),
        'jawaban indikator 1 di luar cakupan berkas',
        'tautan bukti indikator 1 di luar cakupan berkas',
      ]),
    );
  });

  it('requires exactly the referenced files when evidence is included, none otherwise', () => {
    const m = manifestOf(corpusFixture());
    const dropped = { ...m, files: m.files.slice(1) };
    expect(checkManifestContent(dropped, pack)).toEqual([
      expect.stringMatching(/isi bukti dukung .* tidak terdaftar di berkas/),
    ]);
    const without = { ...m, evidenceIncluded: false };
    expect(checkManifestContent(without, pack)).toEqual([
      'berkas menyatakan tanpa isi bukti dukung, tetapi mendaftar berkas bukti',
    ]);
    expect(checkManifestContent({ ...without, files: [] }, pack)).toEqual([]);
  });
});

describe('import plan', () => {
  const incoming = manifestOf(makeFixture({ seed: 3, evaluationId: 'e-1' }));

  it('creates a new evaluation without questions when nothing is stored yet', () => {
    const plan = importPlan(incoming, []);
    expect(plan).toMatchObject({ action: 'create', targetId: null, confirmations: [] });
    expect(plan.summary).toMatchObject({
      instansi: 'Pemerintah Kota Balikpapan',
      year: 2026,
      exportedBy: 'Ani Rahmawati',
      scope: 'semua indikator',
      answers: 47,
      evidence: 3,
    });
    expect(plan.changes.answersAdded).toHaveLength(47);
    expect(plan.changes.evidenceAdded).toBe(3);
  });

  it('asks before importing another instansi or another year', () => {
    const other = makeFixture({
      seed: 4,
      evaluationId: 'e-2',
      instansiName: 'Pemerintah Kota Mojokerto',
    });
    const existing = [
      { evaluation: other.snapshot.evaluation, answers: [], evidenceHashes: new Set<string>() },
    ];
    const plan = importPlan(incoming, existing);
    expect(plan.confirmations).toEqual([
      {
        kind: 'otherInstansi',
        bundleInstansi: 'Pemerintah Kota Balikpapan',
        existingInstansi: ['Pemerintah Kota Mojokerto'],
      },
    ]);
    expect(confirmationText(plan.confirmations[0]!)).toBe(
      'Berkas ini berisi evaluasi Pemerintah Kota Balikpapan, bukan Pemerintah Kota Mojokerto. Tetap impor?',
    );
    const lastYear = makeFixture({ seed: 4, evaluationId: 'e-3', year: 2025 });
    const plan2 = importPlan(incoming, [
      { evaluation: lastYear.snapshot.evaluation, answers: [], evidenceHashes: new Set() },
    ]);
    expect(plan2.confirmations).toEqual([
      {
        kind: 'otherYear',
        instansi: 'Pemerintah Kota Balikpapan',
        bundleYear: 2026,
        existingYears: [2025],
      },
    ]);
  });

  it('updates the same evaluation and says what would change', () => {
    const local = makeFixture({ seed: 3, evaluationId: 'e-1' });
    const answers = local.snapshot.answers.map((a) => ({ ...a }));
    const bundle = structuredClone(incoming);
    // 1: the bundle's answer grew from the local one (bundle newer).
    const b1 = bundle.snapshot.answers.find((a) => a.indicator === 1)!;
    b1.value = b1.value === 5 ? 4 : 5;
    b1.ancestors = [answers[0]!.revision];
    b1.revision = 'r-new' as RevisionId;
    // 2: the local answer grew from the bundle's (local newer).
    answers[1]!.value = answers[1]!.value === 5 ? 4 : 5;
    answers[1]!.ancestors = [answers[1]!.revision];
    answers[1]!.revision = 'r-local' as RevisionId;
    // 3: both changed apart (conflict).
    answers[2]!.justification = 'Versi lokal';
    answers[2]!.revision = 'r-l3' as RevisionId;
    const b3 = bundle.snapshot.answers.find((a) => a.indicator === 3)!;
    b3.justification = 'Versi berkas';
    b3.revision = 'r-b3' as RevisionId;
    const plan = importPlan(bundle, [
      {
        evaluation: local.snapshot.evaluation,
        answers,
        evidenceHashes: new Set([local.snapshot.evidence[0]!.hash]),
      },
    ]);
    expect(plan.action).toBe('update');
    expect(plan.targetId).toBe('e-1');
    expect(plan.confirmations).toEqual([]);
    expect(plan.changes.answersChanged).toEqual([1]);
    expect(plan.changes.answersKeptLocal).toEqual([2]);
    expect(plan.changes.answersInConflict).toEqual([3]);
    expect(plan.changes.answersUnchanged).toHaveLength(44);
    expect(plan.changes.evidenceAdded).toBe(2);
  });

  it('carries a cleared answer both ways and fills a never-filled one', () => {
    const local = makeFixture({ seed: 3, evaluationId: 'e-1' });
    const answers = local.snapshot.answers.map((a) => ({ ...a }));
    const bundle = structuredClone(incoming);
    const clear = <T extends { value: number | null; justification: string }>(a: T): T =>
      Object.assign(a, { value: null, justification: '' });
    // 4: cleared here after the bundle's copy was exported: the clearing stays.
    const l4 = answers.find((a) => a.indicator === 4)!;
    clear(l4);
    l4.ancestors = [l4.revision];
    l4.revision = 'r-l4' as RevisionId;
    // 5: cleared in the bundle after it grew from the local copy: the clearing is taken.
    const b5 = bundle.snapshot.answers.find((a) => a.indicator === 5)!;
    clear(b5);
    b5.ancestors = [answers.find((a) => a.indicator === 5)!.revision];
    b5.revision = 'r-b5' as RevisionId;
    // 6: blank here and never filled: the bundle's answer is added.
    const l6 = answers.find((a) => a.indicator === 6)!;
    clear(l6);
    l6.revision = 'r-l6' as RevisionId;
    const plan = importPlan(bundle, [
      { evaluation: local.snapshot.evaluation, answers, evidenceHashes: new Set() },
    ]);
    expect(plan.changes.answersKeptLocal).toEqual([4]);
    expect(plan.changes.answersChanged).toEqual([5]);
    expect(plan.changes.answersAdded).toEqual([6]);
    expect(plan.changes.answersInConflict).toEqual([]);
  });
});
