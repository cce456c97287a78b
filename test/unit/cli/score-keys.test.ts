/**
 * `spbe-eval score` on a JSON values form: every spelling that names one indicator twice, every
 * key that names none, and indicator codes written as keys are refused with exit 2, naming them,
 * in Indonesian — on both packs. A clean form still scores.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { duplicateJsonKeys } from '../../../electron/cli/values-input';
import { memoryIo } from './memory-io';

const VERSION = '0.1.0';
const PEMDI = 'permenpanrb-8-2026';
const SPBE = 'permenpanrb-59-2020';
const form = (instrument: string, values: string, extra = ''): string =>
  `{"instrument":"${instrument}"${extra},"values":${values}}`;

describe('duplicateJsonKeys', () => {
  it('finds keys written twice in any object, escaped spellings included', () => {
    expect(duplicateJsonKeys('{"a":1,"b":{"a":2},"a":3}')).toEqual(['a']);
    expect(duplicateJsonKeys('{"1":3,"\\u0031":5}')).toEqual(['1']);
    expect(duplicateJsonKeys('{"x":["a","a"],"y":"x"}')).toEqual([]);
    expect(duplicateJsonKeys('{"k\\"":1,"k\\"" :2}')).toEqual(['k"']);
  });

  it('stays linear: 200 000 keys scan at once', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":${i}`);
    expect(duplicateJsonKeys(`{${keys.join(',')},"k7":0}`)).toEqual(['k7']);
  });
});

describe('spbe-eval score: keys of the values form', () => {
  it.each([
    [
      'Pemdi "1" and "01"',
      form(PEMDI, '{"1":3,"01":5}'),
      /indikator 1 disebut dua kali \("1" dan "01"\)/,
    ],
    [
      'Pemdi "1" and "001"',
      form(PEMDI, '{"001":3,"1":5}'),
      /indikator 1 disebut dua kali \("1" dan "001"\)/,
    ],
    [
      'Pemdi "1" written twice',
      form(PEMDI, '{"1":3,"1":5}'),
      /kunci "1" ditulis lebih dari sekali/,
    ],
    [
      'Pemdi "1" and its escape',
      form(PEMDI, '{"1":3,"\\u0031":5}'),
      /kunci "1" ditulis lebih dari sekali/,
    ],
    [
      'Pemdi code "1.1" next to "1"',
      form(PEMDI, '{"1":3,"1.1":5}'),
      /"1\.1" adalah kode indikator 1; tulis nomornya, "1".*indikator 1 disebut dua kali \("1" dan "1\.1"\)/,
    ],
    ['Pemdi code "2.1" alone', form(PEMDI, '{"2.1":3}'), /"2\.1" adalah kode indikator 3/],
    ['Pemdi "1.0"', form(PEMDI, '{"1.0":3}'), /nomor indikator "1\.0" bukan angka/],
    ['Pemdi "I01"', form(PEMDI, '{"I01":3}'), /nomor indikator "I01" bukan angka/],
    ['Pemdi " 1"', form(PEMDI, '{" 1":3}'), /nomor indikator " 1" bukan angka/],
    [
      'Pemdi an indicator beyond 20',
      form(PEMDI, '{"99":3}'),
      /indikator "99" tidak ada dalam instrumen/,
    ],
    ['Pemdi "0"', form(PEMDI, '{"0":3}'), /indikator "0" tidak ada/],
    ['Pemdi a value as text', form(PEMDI, '{"1":"3"}'), /indikator 1: nilai harus berupa angka/],
    [
      'an unknown top-level key',
      form(PEMDI, '{"1":3}', ',"nilai":{"2":3}'),
      /kunci tidak dikenal "nilai"/,
    ],
    [
      '"values" written twice',
      `{"instrument":"${PEMDI}","values":{"1":3},"values":{"2":4}}`,
      /kunci "values" ditulis lebih dari sekali/,
    ],
    [
      '"values" and "levels"',
      `{"instrument":"${SPBE}","values":{"1":3},"levels":{"2":4}}`,
      /bukan keduanya/,
    ],
    ['59/2020 "1" and "01"', form(SPBE, '{"1":3,"01":5}'), /indikator 1 disebut dua kali/],
    [
      '59/2020 "1" written twice',
      form(SPBE, '{"1":3,"1":5}'),
      /kunci "1" ditulis lebih dari sekali/,
    ],
    ['59/2020 indicator 48', form(SPBE, '{"48":3}'), /indikator "48" tidak ada/],
    ['59/2020 "1.1"', form(SPBE, '{"1.1":3}'), /nomor indikator "1\.1" bukan angka/],
  ])('refuses %s with exit 2 and one Indonesian line', async (_name, text, message) => {
    const { io, out, err } = memoryIo({ 'x.json': text });
    expect(await run(['score', 'x.json'], io, VERSION)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Kesalahan: /);
    expect(err[0]).toMatch(message);
  });

  it('scores a clean form on both packs', async () => {
    for (const text of [form(PEMDI, '{"1":3,"2":2.5}'), form(SPBE, '{"1":3,"2":4}')]) {
      const { io, err } = memoryIo({ 'x.json': text });
      expect(await run(['score', 'x.json', '--json'], io, VERSION)).toBe(0);
      expect(err).toEqual([]);
    }
  });
});
