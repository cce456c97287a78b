/**
 * Issue 16 on the command line: `validate` (text and --json, which must agree), `score`, `merge`
 * and `report` never end with exit 1 ("unexpected error") on the corpus's bad timestamps and
 * calendar dates, the `score` values forms that name an indicator twice, or a bundle whose logo
 * Word cannot take as is; the report is written with the logo drawn (SVG) or left out with one
 * line saying why.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { corpusFixture, validBundle } from '../../fixtures/bundles/make-corpus';
import {
  bundleWithLogo,
  dateCases,
  logoCases,
  scoreJsonCases,
} from '../../fixtures/bundles/corpus-dates';
import { repoRoot } from '../helpers';
import { readDocx } from '../report/helpers';
import { memoryIo } from './memory-io';

const VERSION = '0.1.0';
const corpus = (file: string): string => path.join(repoRoot, 'test/fixtures/bundles', file);

let dir: string;
let good: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spbe-adv-'));
  good = path.join(dir, 'baik.spbe');
  await writeFile(good, await validBundle(corpusFixture()));
}, 60_000);

describe('bad timestamps and calendar dates', () => {
  it.each(dateCases.map((c) => [c.file, c.message] as const))(
    '%s: validate, score, merge and report refuse it with exit 2, naming the field',
    async (file, message) => {
      const text = memoryIo();
      expect(await run(['validate', corpus(file)], text.io, VERSION)).toBe(2);
      expect(text.err.join('\n')).toMatch(message);
      expect(text.err.join('\n')).not.toMatch(/tak terduga/);

      // --json says the same: no "valid" verdict, the same refusal, the same exit code.
      const json = memoryIo();
      expect(await run(['validate', corpus(file), '--json'], json.io, VERSION)).toBe(2);
      expect(json.out).toEqual([]);
      expect(json.err).toEqual(text.err);

      const score = memoryIo();
      expect(await run(['score', corpus(file)], score.io, VERSION)).toBe(2);
      expect(score.err.join('\n')).toMatch(message);

      const merge = memoryIo();
      const merged = await run(
        ['merge', good, corpus(file), '-o', path.join(dir, 'gabung.spbe'), '--by', 'Sri'],
        merge.io,
        VERSION,
      );
      expect(merged).toBe(2);
      expect(merge.err.join('\n')).toMatch(message);

      const report = memoryIo();
      const reported = await run(
        ['report', corpus(file), '--format', 'docx', '-o', 'laporan.docx'],
        report.io,
        VERSION,
      );
      expect(reported).toBe(2);
      expect(report.err.join('\n')).toMatch(message);
    },
  );
});

describe('score values forms', () => {
  it.each(scoreJsonCases.map((c) => [c.about, c.text, c.message] as const))(
    'refuses %s with exit 2',
    async (_about, text, message) => {
      const { io, err } = memoryIo({ 'nilai.json': text });
      expect(await run(['score', 'nilai.json'], io, VERSION)).toBe(2);
      expect(err.join('\n')).toMatch(message);
    },
  );
});

describe('logos in a Word report from a bundle', () => {
  it.each(logoCases.map((c) => [c.about, c] as const))(
    '%s: the report is written (exit 0)',
    async (_about, c) => {
      const file = path.join(dir, c.file);
      await writeFile(file, await bundleWithLogo(corpusFixture(), c.bytes));
      const { io, err, written } = memoryIo();
      expect(await run(['validate', file], io, VERSION)).toBe(0);
      const t = memoryIo();
      expect(
        await run(['report', file, '--format', 'docx', '-o', 'laporan.docx'], t.io, VERSION),
      ).toBe(0);
      expect(err).toEqual([]);
      const docx = readDocx(t.written.get('laporan.docx')!);
      const logoInDoc = /Logo /.test(docx.document) && /descr="Logo /.test(docx.document);
      expect(logoInDoc).toBe(c.kept);
      const notes = t.err.filter((l) => /Logo tidak dimuat/.test(l));
      if (c.note) {
        expect(notes).toHaveLength(1);
        expect(notes[0]).toMatch(c.note);
      } else {
        expect(notes).toEqual([]);
      }
      expect(written.size).toBe(0);
    },
  );

  it('takes an SVG logo on the command line and refuses one of absurd size', async () => {
    const svg = logoCases.find((c) => c.file === 'logo-svg.spbe')!.bytes;
    const huge = logoCases.find((c) => c.file === 'logo-png-huge.spbe')!.bytes;
    await writeFile(path.join(dir, 'logo.svg'), svg);
    await writeFile(path.join(dir, 'besar.png'), huge);
    const ok = memoryIo();
    const args = ['report', good, '--format', 'docx', '-o', 'l.docx', '--logo'];
    expect(await run([...args, path.join(dir, 'logo.svg')], ok.io, VERSION)).toBe(0);
    expect(readDocx(ok.written.get('l.docx')!).document).toMatch(/descr="Logo /);
    const bad = memoryIo();
    expect(await run([...args, path.join(dir, 'besar.png')], bad.io, VERSION)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/paling besar 4\.000 piksel per sisi/);
  });
});
