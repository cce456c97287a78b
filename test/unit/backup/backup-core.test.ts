/** The pure parts of the backup format: entry names, row checks, JSON safety, the restore plan. */
import { describe, expect, it } from 'vitest';
import {
  backupFingerprint,
  checkBackupRows,
  classifyBackupEntry,
  jsonUnsafePath,
  planCounts,
  restorePlan,
  summarizeEvaluations,
  type EvaluationSummary,
} from '../../../shared/backup';

describe('entry names', () => {
  it('allows only the manifest, tables and files named by their hash', () => {
    expect(classifyBackupEntry('manifest.json')).toEqual({ kind: 'manifest' });
    expect(classifyBackupEntry('tables/evaluations.json')).toEqual({
      kind: 'table',
      table: 'evaluations',
    });
    expect(classifyBackupEntry(`blobs/${'ab'.repeat(32)}`)).toEqual({
      kind: 'blob',
      hash: 'ab'.repeat(32),
    });
    for (const name of [
      '../manifest.json',
      'tables/../../x.json',
      '/etc/passwd',
      'C:/x',
      'blobs\\x',
      'tables/',
      'tables/blobs.json',
      'tables/Evaluasi Baru.json',
      `blobs/${'AB'.repeat(32)}`,
      'blobs/abc',
      'nama\u0000.json',
      'lain.txt',
    ]) {
      expect(classifyBackupEntry(name).kind, name).toBe('invalid');
    }
  });
});

describe('rows', () => {
  it('skips a bad row naming its table, row and field, and refuses a key given twice', () => {
    const { problems, skipped, rows } = checkBackupRows({
      evaluations: [{ id: 'x' }],
      answers: [{ evaluationId: 'x', indicator: 1 }],
      settings: [{ key: 'a', value: 1 }, { key: 'a', value: 2 }, { value: 3 }, { key: 'b' }],
    });
    expect(skipped[0]).toMatch(/^tabel evaluasi baris 1: /);
    // What belongs to a skipped evaluation is left out with it.
    expect(skipped).toContain('tabel jawaban: 1 baris milik evaluasi atau dokumen yang dilewati');
    expect(skipped).toContain('tabel pengaturan baris 3: key: wajib ada');
    expect(problems).toEqual(['tabel pengaturan baris 2: kunci "a" muncul lebih dari sekali']);
    expect(rows.settings.map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('shortens an over-long evidence name instead of refusing the row', () => {
    const name = `${'a'.repeat(400)}.pdf`;
    const { rows, repaired, skipped } = checkBackupRows({
      evidence: [
        {
          id: 'd1',
          evaluationId: 'e1',
          hash: 'f'.repeat(64),
          fileName: name,
          mimeType: 'application/pdf',
          size: 10,
          addedAt: Date.UTC(2025, 0, 2),
          addedBy: null,
          kind: 'lainnya',
          title: 'Dokumen',
          number: '',
          documentDate: null,
          description: '',
        },
      ],
    });
    expect(skipped.join('\n')).toBe('');
    const stored = String(rows.evidence[0]?.fileName);
    expect(stored.length).toBeLessThanOrEqual(255);
    expect(stored.endsWith('.pdf')).toBe(true);
    expect(repaired).toEqual([{ evaluationId: 'e1', evidenceId: 'd1', original: name, stored }]);
  });

  it('keeps content other modules own as it is', () => {
    const profile = { id: 'p', updatedAt: 1, profile: { nama: 'Kota', daftar: [1, { a: null }] } };
    expect(checkBackupRows({ profiles: [profile] }).rows.profiles).toEqual([profile]);
  });
});

describe('JSON safety', () => {
  it('finds the values JSON would change or drop', () => {
    expect(jsonUnsafePath({ a: 1, b: 'x', c: [true, null], d: { e: undefined } })).toBeNull();
    expect(jsonUnsafePath({ a: new Date(0) })).toBe('a');
    expect(jsonUnsafePath({ a: [1, Number.NaN] })).toBe('a[1]');
    expect(jsonUnsafePath({ a: [undefined] })).toBe('a[0]');
    expect(jsonUnsafePath({ a: { b: new Map() } })).toBe('a.b');
    expect(jsonUnsafePath({ a: 1n as unknown })).toBe('a');
  });
});

describe('summary and fingerprint', () => {
  it('tells a labelled second evaluation of one instansi and year apart in the summary', () => {
    const [summary] = summarizeEvaluations({
      evaluations: [{ id: 'e2', year: 2025, instansi: { name: 'Kota A' }, label: 'salinan 2' }],
    });
    expect(summary?.instansi).toBe('Kota A (salinan 2)');
  });

  it('summarises rows of any schema without failing on odd ones', () => {
    expect(
      summarizeEvaluations({
        evaluations: [{ id: 'e', year: 2026, instansi: { name: 'Kota A' } }, 'rusak'],
        answers: [{ evaluationId: 'e', value: 3 }, { evaluationId: 'e', value: null }, {}],
        evidence: [
          { evaluationId: 'e', size: 10 },
          { evaluationId: 'lain', size: 5 },
        ],
      }),
    ).toEqual([
      {
        id: 'e',
        instansi: 'Kota A',
        year: 2026,
        status: '',
        updatedAt: null,
        answers: 2,
        answered: 1,
        documents: 1,
        documentBytes: 10,
      },
    ]);
  });

  it('changes with the content and not with the order of the files', () => {
    const table = { name: 'evaluations', rows: 1, size: 2, sha256: 'a'.repeat(64) };
    const f1 = { hash: '1'.repeat(64), size: 1, type: 'application/pdf', createdAt: 1 };
    const f2 = { hash: '2'.repeat(64), size: 2, type: '', createdAt: 2 };
    expect(backupFingerprint([table], [f1, f2])).toBe(backupFingerprint([table], [f2, f1]));
    expect(backupFingerprint([table], [f1])).not.toBe(backupFingerprint([table], [f1, f2]));
    expect(backupFingerprint([{ ...table, rows: 2 }], [f1])).not.toBe(
      backupFingerprint([table], [f1]),
    );
  });
});

describe('restore plan', () => {
  const e = (id: string): EvaluationSummary => ({
    id,
    instansi: `Instansi ${id}`,
    year: 2026,
    status: 'active',
    updatedAt: 1,
    answers: 0,
    answered: 0,
    documents: 0,
    documentBytes: 0,
  });

  it('replaces, adds and removes when everything is restored', () => {
    const plan = restorePlan([e('a'), e('b')], [e('b'), e('c')], { mode: 'all' });
    expect(plan.map((p) => [p.id, p.action])).toEqual([
      ['a', 'add'],
      ['b', 'replace'],
      ['c', 'remove'],
    ]);
    expect(planCounts(plan)).toEqual({ replace: 1, add: 1, remove: 1, keep: 0 });
  });

  it('touches only the chosen evaluations otherwise', () => {
    const plan = restorePlan([e('a'), e('b')], [e('b'), e('c')], { mode: 'selected', ids: ['b'] });
    expect(plan.map((p) => [p.id, p.action])).toEqual([
      ['b', 'replace'],
      ['c', 'keep'],
    ]);
  });
});
