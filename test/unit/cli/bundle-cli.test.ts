/**
 * spbe-eval validate / merge / score on .spbe files, on a real temporary folder through the
 * Node file access of the CLI (random-access reads, streamed hashing, atomic writes), and once
 * through the built bin to check exit codes as a shell sees them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MergeRecord } from '../../../shared/merge';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import {
  nodeCrc32,
  nodeIo,
  nodeSha256,
  openRandomAccess,
  writeAtomic,
} from '../../../electron/cli/node-io';
import type { Crc32Factory } from '../../../shared/bundle/zip/crc32';
import { run } from '../../../electron/cli/run';
import type { CliIo } from '../../../electron/cli/io';
import { buildCliBin } from './built-bin';
import { makeFixture, writeInput, type Fixture } from '../bundle/fixtures';
import { repoRoot } from '../helpers';
import { readDocx } from '../report/docx-reader';
import { Workbook } from 'exceljs';
import { snapshotValues } from '../../../shared/assessment';
import { defaultPack } from '../../../shared/instrument';
import { findProfile, serializeProfile } from '../../../shared/profiles';
import { score } from '../../../shared/scoring';

const exec = promisify(execFile);
const VERSION = '0.1.0';

function capturingIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { ...nodeIo(), out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

async function exportTo(
  file: string,
  f: Fixture,
  exporter: string,
  options: { password?: string; includeEvidence?: boolean } = {},
): Promise<void> {
  await writeAtomic(file, async (sink) => {
    await writeBundle(sink, writeInput(f, exporter), {
      includeEvidence: options.includeEvidence ?? true,
      password: options.password,
    });
  });
}

const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [3] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spbe-bundle-cli-'));
});

const p = (name: string): string => path.join(dir, name);

describe('spbe-eval validate', () => {
  it('exits 0 with a summary for a valid bundle, and reads an encrypted one with --password', async () => {
    const f = makeFixture({ seed: 11 });
    await exportTo(p('valid.spbe'), f, 'Ani Rahmawati');
    const { io, out, err } = capturingIo();
    expect(await run(['validate', p('valid.spbe')], io, VERSION)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain(`Berkas sah: ${p('valid.spbe')}`);
    expect(text).toContain('Instansi: Pemerintah Kota Balikpapan, tahun 2026');
    expect(text).toContain('Diekspor oleh: Ani Rahmawati pada 22 November 2026');
    expect(text).toContain('Jawaban terisi: 47 indikator');
    expect(text).toMatch(/Bukti dukung: 3 dokumen \(isi disertakan, 40,5 KB\)/);

    // A password given for a bundle without one is simply not needed.
    expect(
      await run(['validate', p('valid.spbe'), '--password', 'x'], capturingIo().io, VERSION),
    ).toBe(0);

    await exportTo(p('locked.spbe'), f, 'Ani Rahmawati', { password: 'rahasia' });
    const locked = capturingIo();
    expect(
      await run(
        ['validate', p('locked.spbe'), '--json', '--password', 'rahasia'],
        locked.io,
        VERSION,
      ),
    ).toBe(0);
    expect(JSON.parse(locked.out.join('\n'))).toMatchObject({
      valid: true,
      encrypted: true,
      answers: 47,
    });
  });

  it.each([
    ['zero-bytes.spbe', undefined, /Berkas kosong \(0 byte\)/],
    ['truncated.spbe', undefined, /terpotong atau rusak/],
    ['hash-mismatch.spbe', undefined, /tidak cocok dengan hash SHA-256-nya/],
    ['name-dotdot.spbe', undefined, /nama entri memuat "\.\."/],
    ['format-newer-major.spbe', undefined, /Perbarui aplikasi Evaluasi SPBE/],
    [
      'password-required.spbe',
      undefined,
      /dilindungi kata sandi\. .*Berikan kata sandi dengan --password\./,
    ],
    ['wrong-password.spbe', 'sandi-yang-salah', /Kata sandi salah\./],
  ])('exits 2 with one Indonesian line for %s', async (name, password, message) => {
    const file = path.join(repoRoot, 'test/fixtures/bundles', name);
    const { io, out, err } = capturingIo();
    const args = ['validate', file, ...(password ? ['--password', password] : [])];
    expect(await run(args, io, VERSION)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(`^Kesalahan: Berkas ".*${name.replace('.', '\\.')}" tidak sah: `),
    );
    expect(err[0]).toMatch(message);
    expect(err[0]).not.toContain('\n');
  });
});

describe('spbe-eval score on a bundle', () => {
  it('scores the bundle exactly as the JSON levels form', async () => {
    const f = makeFixture({ seed: 12 });
    await exportTo(p('score.spbe'), f, 'Ani Rahmawati', { includeEvidence: false });
    const levels = Object.fromEntries(
      f.snapshot.answers.map((a) => [String(a.indicator), a.value]),
    );
    await writeFile(
      p('levels.json'),
      JSON.stringify({ instrument: 'permenpanrb-59-2020', levels }),
    );
    const a = capturingIo();
    const b = capturingIo();
    expect(await run(['score', p('score.spbe'), '--json'], a.io, VERSION)).toBe(0);
    expect(await run(['score', p('levels.json'), '--json'], b.io, VERSION)).toBe(0);
    expect(JSON.parse(a.out.join('\n'))).toEqual(JSON.parse(b.out.join('\n')));
    const bad = capturingIo();
    const corrupt = path.join(repoRoot, 'test/fixtures/bundles/levels-out-of-range.spbe');
    expect(await run(['score', corrupt], bad.io, VERSION)).toBe(2);
    expect(bad.err[0]).toMatch(/nilai indikator 3 \(7\) di luar rentang 1–5/);
  });
});

describe('spbe-eval merge', () => {
  async function twoFiles(conflict: boolean): Promise<[string, string]> {
    const a = makeFixture({
      seed: 21,
      evaluationId: 'eval-kota',
      levels: { 1: 3, 2: 2, 9: 2 },
      evidenceSizes: [1000, 2000],
      members: [ANI],
    });
    const b = makeFixture({
      seed: 22,
      evaluationId: 'eval-kota',
      levels: conflict ? { 1: 3, 3: 4, 9: 4 } : { 1: 3, 3: 4 },
      evidenceSizes: [1500],
      members: [BUDI],
    });
    const tag = conflict ? 'k' : 'n';
    await exportTo(p(`ani-${tag}.spbe`), a, ANI.name);
    await exportTo(p(`budi-${tag}.spbe`), b, BUDI.name);
    return [p(`ani-${tag}.spbe`), p(`budi-${tag}.spbe`)];
  }

  it('merges files without conflicts into a valid bundle with all evidence and a record', async () => {
    const [a, b] = await twoFiles(false);
    const { io, out, err } = capturingIo();
    expect(
      await run(['merge', a, b, '-o', p('gabungan.spbe'), '--by', 'Sri Wahyuni'], io, VERSION),
    ).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(
      /Digabung: 2 berkas → .*gabungan\.spbe .*dengan isi bukti dukung/,
    );
    expect(out.join('\n')).toContain(
      'Jawaban: 4 indikator — 1 sama, 3 dari satu pihak, 0 versi terbaru, 0 diputuskan',
    );
    const handle = await openRandomAccess(p('gabungan.spbe'));
    const opened = await readBundle(handle, { appVersion: VERSION, hash: nodeSha256 });
    await handle.close();
    expect(opened.manifest.snapshot.answers.map((x) => x.indicator)).toEqual([1, 2, 3, 9]);
    expect(opened.manifest.snapshot.evaluation.origin.kind).toBe('merged');
    expect(opened.manifest.exportedBy.name).toBe('Sri Wahyuni');
    expect(opened.files).toHaveLength(3);
    const record = JSON.parse(await readFile(p('gabungan.merge.json'), 'utf8')) as MergeRecord;
    expect(record.inputs.map((i) => [path.basename(i.label), i.exportedBy])).toEqual([
      ['ani-n.spbe', 'Ani Rahmawati'],
      ['budi-n.spbe', 'Budi Santoso'],
    ]);
    expect(record.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.fileHash ?? ''))).toBe(true);
    expect(record.conflicts).toEqual([]);
  });

  it('checks and writes every evidence CRC-32 through the CRC of its file access', async () => {
    const [a, b] = await twoFiles(false);
    const { io } = capturingIo();
    let bytes = 0;
    const countingCrc32: Crc32Factory = () => {
      const inner = nodeCrc32();
      return {
        update: (chunk) => {
          bytes += chunk.byteLength;
          inner.update(chunk);
        },
        digest: () => inner.digest(),
      };
    };
    expect(
      await run(
        ['merge', a, b, '-o', p('gabungan-crc.spbe'), '--by', 'Sri Wahyuni'],
        { ...io, crc32: countingCrc32 },
        VERSION,
      ),
    ).toBe(0);
    // 4 500 evidence bytes: checked when each input is opened, checked again as they stream out of
    // the inputs, and summed for the output's own entries.
    expect(bytes).toBe(3 * 4500);
    const handle = await openRandomAccess(p('gabungan-crc.spbe'));
    const opened = await readBundle(handle, { appVersion: VERSION, hash: nodeSha256 });
    await handle.close();
    expect(opened.files.map((f) => f.size).sort()).toEqual([1000, 1500, 2000]);
  });

  it('exits 3 with conflicts and lists them next to -o, writing no bundle', async () => {
    const [a, b] = await twoFiles(true);
    const { io, err } = capturingIo();
    expect(await run(['merge', a, b, '-o', p('hasil.spbe')], io, VERSION)).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^Kesalahan: 1 konflik perlu diputuskan \(indikator 9\); daftarnya ditulis ke .*hasil\.conflicts\.json/,
    );
    const list = JSON.parse(await readFile(p('hasil.conflicts.json'), 'utf8'));
    expect(list.format).toBe('evaluasi-spbe-conflicts');
    expect(list.conflicts).toMatchObject([
      {
        indicator: 9,
        sides: [
          { assessor: 'Ani Rahmawati', value: 2, levelName: 'Terkelola', files: [a] },
          { assessor: 'Budi Santoso', value: 4, levelName: 'Terpadu dan Terukur', files: [b] },
        ],
      },
    ]);
    const files = await readdir(dir);
    expect(files).not.toContain('hasil.spbe');
    expect(files.filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });

  it('settles conflicts toward --prefer and records the decision', async () => {
    const [a, b] = await twoFiles(true);
    const { io, out } = capturingIo();
    expect(
      await run(['merge', a, b, '-o', p('pilih.spbe'), '--prefer', 'Budi Santoso'], io, VERSION),
    ).toBe(0);
    expect(out.join('\n')).toContain('1 diputuskan (mengutamakan Budi Santoso)');
    const record = JSON.parse(await readFile(p('pilih.merge.json'), 'utf8')) as MergeRecord;
    expect(record.conflicts).toMatchObject([
      {
        indicator: 9,
        value: 4,
        decision: { kind: 'side', sourceId: '2' },
        reason: expect.stringContaining('mengutamakan jawaban Budi Santoso'),
        decidedBy: { name: 'spbe-eval merge' },
      },
    ]);
    const handle = await openRandomAccess(p('pilih.spbe'));
    const opened = await readBundle(handle, { appVersion: VERSION });
    await handle.close();
    expect(opened.manifest.snapshot.answers.find((x) => x.indicator === 9)!.value).toBe(4);
    expect(opened.manifest.snapshot.audit.find((e) => e.action === 'resolve')).toMatchObject({
      indicator: 9,
      note: expect.stringContaining('--prefer'),
    });

    const nobody = capturingIo();
    expect(
      await run(['merge', a, b, '-o', p('tidak.spbe'), '--prefer', 'Dewi'], nobody.io, VERSION),
    ).toBe(3);
  });

  it('exits 2 for an invalid input and leaves no output or temporary file', async () => {
    const [a] = await twoFiles(false);
    const bad = path.join(repoRoot, 'test/fixtures/bundles/flipped-byte-evidence.spbe');
    const { io, err } = capturingIo();
    expect(await run(['merge', a, bad, '-o', p('gagal.spbe')], io, VERSION)).toBe(2);
    expect(err[0]).toMatch(/flipped-byte-evidence\.spbe" tidak sah: Isi berkas bukti/);
    const files = await readdir(dir);
    expect(files.filter((x) => x.startsWith('gagal') || x.endsWith('.tmp'))).toEqual([]);
    const one = capturingIo();
    expect(await run(['merge', a, '-o', p('x.spbe')], one.io, VERSION)).toBe(2);
    expect(one.err[0]).toMatch(/paling sedikit dua berkas/);
    const noOut = capturingIo();
    expect(await run(['merge', a, a], noOut.io, VERSION)).toBe(2);
    expect(noOut.err[0]).toMatch(/-o <hasil\.spbe>/);
  });
});

describe('the built bin on bundles', () => {
  it('sets exit codes 0, 2 and 3 as a shell sees them', async ({ onTestFinished }) => {
    const bin = await buildCliBin();
    onTestFinished(() => rm(path.dirname(bin), { recursive: true, force: true }));
    const f = makeFixture({ seed: 31 });
    await exportTo(p('bin.spbe'), f, 'Ani Rahmawati');
    const ok = await exec(process.execPath, [bin, 'validate', p('bin.spbe')]);
    expect(ok.stdout).toContain('Berkas sah');
    const bad = path.join(repoRoot, 'test/fixtures/bundles/not-a-zip.spbe');
    const failed = await exec(process.execPath, [bin, 'validate', bad]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/bukan arsip zip/);
    const a = makeFixture({
      seed: 41,
      evaluationId: 'e',
      levels: { 1: 2 },
      evidenceSizes: [],
      members: [ANI],
    });
    const b = makeFixture({
      seed: 42,
      evaluationId: 'e',
      levels: { 1: 5 },
      evidenceSizes: [],
      members: [BUDI],
    });
    await exportTo(p('bin-a.spbe'), a, ANI.name);
    await exportTo(p('bin-b.spbe'), b, BUDI.name);
    const conflicted = await exec(process.execPath, [
      bin,
      'merge',
      p('bin-a.spbe'),
      p('bin-b.spbe'),
      '-o',
      p('bin-out.spbe'),
    ]).catch((e: { code: number }) => e);
    expect(conflicted).toMatchObject({ code: 3 });
  }, 60_000);
});

describe('spbe-eval report on bundles and regional profiles', () => {
  it('writes the report of a .spbe bundle, encrypted or not, after every check of an import', async () => {
    const f = makeFixture({ seed: 41 });
    await exportTo(p('laporan.spbe'), f, 'Ani Rahmawati', { password: 'rahasia-123' });
    const { io, err } = capturingIo();
    expect(
      await run(['report', p('laporan.spbe'), '--format', 'docx', '-o', p('l.docx')], io, VERSION),
    ).toBe(2);
    expect(err[0]).toMatch(/kata sandi/i);
    const ok = capturingIo();
    const args = [
      'report',
      p('laporan.spbe'),
      '--password',
      'rahasia-123',
      '--format',
      'docx',
      '-o',
      p('l.docx'),
    ];
    expect(await run(args, ok.io, VERSION)).toBe(0);
    const expected = score(defaultPack(), snapshotValues(f.snapshot)).overall;
    const docx = readDocx(new Uint8Array(await readFile(p('l.docx'))));
    expect(docx.text).toContain(f.snapshot.evaluation.instansi.name);
    expect(docx.text).toContain(`adalah ${expected?.display} dengan predikat ${expected?.rating}`);
  });

  it('takes the built-in profile the evaluation names, with its compliance checks', async () => {
    const f = makeFixture({ seed: 42 });
    f.snapshot.evaluation.profileId = 'kota-balikpapan';
    await exportTo(p('profil.spbe'), f, 'Ani Rahmawati');
    const { io } = capturingIo();
    expect(
      await run(['report', p('profil.spbe'), '--format', 'docx', '-o', p('p.docx')], io, VERSION),
    ).toBe(0);
    const docx = readDocx(new Uint8Array(await readFile(p('p.docx'))));
    expect(docx.text).toContain('Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022');
    // Undecided automatic findings stay out of the body, in the internal annex.
    expect(docx.text).toMatch(/Kepatuhan terhadap Peraturan Daerah/);
    expect(docx.text).toMatch(/Temuan otomatis kepatuhan yang belum dikonfirmasi/);
  });

  it('takes a profile file exported by the app', async () => {
    const f = makeFixture({ seed: 43 });
    await exportTo(p('tanpa-profil.spbe'), f, 'Ani Rahmawati');
    const mojokerto = findProfile('kabupaten-mojokerto');
    if (!mojokerto) throw new Error('no built-in profile');
    await writeFile(p('mojokerto.json'), serializeProfile(mojokerto));
    const { io } = capturingIo();
    const args = [
      'report',
      p('tanpa-profil.spbe'),
      '--profile',
      p('mojokerto.json'),
      '--format',
      'xlsx',
      '-o',
      p('m.xlsx'),
    ];
    expect(await run(args, io, VERSION)).toBe(0);
    const book = new Workbook();
    await book.xlsx.load((await readFile(p('m.xlsx'))) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Kepatuhan');
  });
});
