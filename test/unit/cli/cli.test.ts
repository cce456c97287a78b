/**
 * The spbe-eval command line: in-process through `run` (all branches), and once as the built
 * bin through Node, as a user runs it.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { buildCliBin } from './built-bin';
import { memoryIo } from './memory-io';
import { repoRoot } from '../helpers';

const exec = promisify(execFile);

const levels = (digits: string) =>
  Object.fromEntries([...digits].map((d, i) => [String(i + 1), Number(d)]));

const example = JSON.stringify({
  instrument: 'permenpanrb-59-2020',
  levels: levels('11111111111111111111111111135552555555555555555'),
});

describe('spbe-eval score', () => {
  it('prints the JSON form with overall, domains, aspects and missing', async () => {
    const { io, out, err } = memoryIo({ 'a.json': example });
    expect(await run(['score', 'a.json', '--json'], io, '0.0.0')).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join('\n'));
    expect(json.overall).toEqual({
      value: 2.9475,
      display: '2,95',
      rating: 'Baik',
      provisional: false,
    });
    expect(json.domains).toHaveLength(4);
    expect(json.aspects).toHaveLength(8);
    expect(json.domains[0]).toMatchObject({
      id: 'D1',
      name: 'Kebijakan Internal SPBE',
      weight: 13,
      value: 1,
      display: '1,00',
    });
    expect(json.aspects[7]).toMatchObject({ id: 'A8', weight: 18, parent: 'D4', display: '5,00' });
    expect(json.missing).toEqual([]);
  });

  it('prints a readable Indonesian table without --json', async () => {
    const { io, out } = memoryIo({ 'a.json': example });
    expect(await run(['score', 'a.json'], io, '0.0.0')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Indeks SPBE: 2,95 (predikat Baik)');
    expect(text).toMatch(/Domain 4\s+Layanan SPBE\s+45,5\s+4,82/);
    expect(text).toMatch(/Aspek 5\s+Penerapan Manajemen SPBE\s+12\s+1,25/);
  });

  it('reports missing indicators and a provisional index', async () => {
    const partial = JSON.stringify({
      instrument: 'permenpanrb-59-2020',
      levels: { '1': 3, '2': 4 },
    });
    const { io, out } = memoryIo({ 'p.json': partial });
    expect(await run(['score', 'p.json', '--json'], io, '0.0.0')).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.overall).toMatchObject({ display: '3,50', provisional: true });
    expect(json.missing).toHaveLength(45);
    expect(json.missing[0]).toBe(3);
  });

  it.each([
    [
      'unknown instrument',
      { instrument: 'permenpanrb-5-2018', levels: {} },
      /Instrumen "permenpanrb-5-2018" tidak dikenal/,
    ],
    [
      'level out of range',
      { instrument: 'permenpanrb-59-2020', levels: { '3': 7 } },
      /nilai indikator 3 \(7\) di luar rentang 1–5/,
    ],
    [
      'unknown indicator',
      { instrument: 'permenpanrb-59-2020', levels: { '48': 3 } },
      /indikator "48" tidak ada/,
    ],
    [
      'a level that is not a number',
      { instrument: 'permenpanrb-59-2020', levels: { '1': 'tiga' } },
      /tingkat harus berupa angka/,
    ],
    [
      'a fractional level',
      { instrument: 'permenpanrb-59-2020', levels: { '1': 2.5 } },
      /harus bilangan bulat/,
    ],
  ])('exits 2 with one Indonesian line for %s', async (_name, input, message) => {
    const { io, out, err } = memoryIo({ 'x.json': JSON.stringify(input) });
    expect(await run(['score', 'x.json'], io, '0.0.0')).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Kesalahan: /);
    expect(err[0]).toMatch(message);
    expect(err[0]).not.toContain('\n');
  });

  it('exits 2 for malformed JSON, a missing file, and a missing argument', async () => {
    const { io, err } = memoryIo({ 'bad.json': '{"instrument": ' });
    expect(await run(['score', 'bad.json'], io, '0.0.0')).toBe(2);
    expect(err[0]).toMatch(/bukan JSON yang sah/);
    expect(await run(['score', 'tidak-ada.json'], io, '0.0.0')).toBe(2);
    expect(err[1]).toMatch(/tidak dapat dibaca/);
    expect(await run(['score'], io, '0.0.0')).toBe(2);
    expect(err[2]).toMatch(/memerlukan nama berkas/);
    expect(await run(['hitung'], io, '0.0.0')).toBe(2);
    expect(err[3]).toMatch(/Perintah "hitung" tidak dikenal/);
    expect(await run(['score', 'bad.json', '--tabel'], io, '0.0.0')).toBe(2);
    expect(err[4]).toMatch(/opsi tidak dikenal/);
  });
});

describe('spbe-eval instrument', () => {
  it('prints the structure as JSON with ids, names and weights', async () => {
    const { io, out } = memoryIo();
    expect(await run(['instrument', '--json'], io, '0.0.0')).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.id).toBe('permenpanrb-59-2020');
    expect(json.groups.map((d: { weight: number }) => d.weight)).toEqual([13, 25, 16.5, 45.5]);
    expect(json.groups[3].groups[0].indicators[0]).toEqual({
      number: 32,
      name: 'Tingkat Kematangan Layanan Perencanaan',
      weight: 2.75,
      scale: 'service',
    });
  });

  it('prints a readable outline', async () => {
    const { io, out } = memoryIo();
    expect(await run(['instrument'], io, '0.0.0')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Domain 3. Manajemen SPBE (bobot 16,5)');
    expect(text).toContain('47 indikator');
  });

  it('exits 2 for an unknown instrument', async () => {
    const { io, err } = memoryIo();
    expect(await run(['instrument', '--id', 'x'], io, '0.0.0')).toBe(2);
    expect(err[0]).toMatch(/Instrumen "x" tidak dikenal/);
  });
});

describe('the built spbe-eval bin', () => {
  let dir: string;
  let bin: string;
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    bin = await buildCliBin();
    dir = path.dirname(bin);
  });

  it('scores a file through plain Node and sets the exit code', async () => {
    const file = path.join(dir, 'levels.json');
    await writeFile(file, example);
    const { stdout } = await exec(process.execPath, [bin, 'score', file, '--json']);
    expect(JSON.parse(stdout).overall.display).toBe('2,95');
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node')).toBe(true);

    await writeFile(file, '{"instrument":"permenpanrb-59-2020","levels":{"1":9}}');
    const failed = await exec(process.execPath, [bin, 'score', file]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes a report file through plain Node, leaving no temporary file behind', async () => {
    const out = path.join(dir, 'laporan.docx');
    const snapshot = path.join(repoRoot, 'test/fixtures/evaluations/balikpapan-2026.json');
    const { stdout, stderr } = await exec(process.execPath, [
      bin,
      'report',
      snapshot,
      '--format',
      'docx',
      '-o',
      out,
    ]);
    expect(stderr).toBe('');
    expect(stdout).toContain(`Laporan DOCX ditulis ke ${out}`);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
