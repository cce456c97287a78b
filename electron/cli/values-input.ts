/**
 * The JSON values form read by `score` and `report`:
 * `{"instrument":"permenpanrb-8-2026","values":{"1":2.5,…}}` (or `"levels"`, the 59/2020 name;
 * both work for every pack). Every key must name one indicator of the pack exactly once: a key
 * written twice, or two keys naming the same indicator ("1" and "01"), is refused rather than
 * silently keeping the last. An indicator's code ("1.1" in Pemdi) is not a key: it is refused
 * with the number to write instead, and named as a second mention when the number is there too.
 * Values must lie on the pack's scale with at most its decimals.
 */
import { formatFixed } from '../../shared/format/number';
import {
  formatValue,
  indicatorEntries,
  valueNoun,
  type InstrumentPack,
} from '../../shared/instrument';
import { compare, fromNumber, roundHalfUp } from '../../shared/math/rational';
import { CliError } from './io';
import { resolvePack } from './packs';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Keys that occur twice in one object of a JSON text (JSON.parse keeps only the last). */
export function duplicateJsonKeys(text: string): string[] {
  const dups: string[] = [];
  const stack: ({ keys: Set<string>; expectKey: boolean } | null)[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) dups.push(key);
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = true;
    }
  }
  return dups;
}

/** Parses a JSON file's bytes; refuses bad UTF-8, bad JSON and keys written twice. */
export function parseJsonFile(bytes: Uint8Array, file: string): unknown {
  let text: string;
  let json: unknown;
  try {
    text = decoder.decode(bytes);
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : 'bukan teks UTF-8';
    throw new CliError(`Berkas "${file}" bukan JSON yang sah (${reason})`);
  }
  const dups = duplicateJsonKeys(text);
  if (dups.length > 0) {
    throw new CliError(
      `Isi berkas "${file}" tidak sah: kunci ${[...new Set(dups)].map((k) => `"${k}"`).join(', ')} ditulis lebih dari sekali`,
    );
  }
  return json;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when the JSON looks like the values form (has `values` or `levels`). */
export const isValuesForm = (json: unknown): boolean =>
  isRecord(json) && ('values' in json || 'levels' in json);

export interface ValuesInput {
  pack: InstrumentPack;
  values: Record<number, number | null>;
}

/** Reads the values form; every problem found is named in the one refusal line. */
export function readValuesForm(json: unknown, file: string): ValuesInput {
  const bad = (reason: string): CliError =>
    new CliError(`Isi berkas "${file}" tidak sesuai format: ${reason}`);
  if (!isRecord(json)) throw bad('harus berupa objek JSON');
  const allowed = new Set(['instrument', 'version', 'values', 'levels']);
  const unknown = Object.keys(json).filter((k) => !allowed.has(k));
  if (unknown.length > 0)
    throw bad(`kunci tidak dikenal ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const { instrument, version } = json;
  if (typeof instrument !== 'string' || instrument.trim() === '') {
    throw bad('"instrument" harus berisi id instrumen, misalnya "permenpanrb-8-2026"');
  }
  if (version !== undefined && typeof version !== 'string') throw bad('"version" harus teks');
  if ('values' in json && 'levels' in json)
    throw bad('tulis "values" atau "levels", bukan keduanya');
  const field = 'values' in json ? 'values' : 'levels';
  const raw = json[field];
  if (!isRecord(raw)) throw bad(`"${field}" harus berupa objek {"nomor indikator": nilai}`);
  const pack = resolvePack(instrument.trim(), version);

  const problems: string[] = [];
  const entries = indicatorEntries(pack);
  const known = new Set(entries.map((e) => e.indicator.number));
  const numberOfCode = new Map<string, number>();
  for (const e of entries)
    if (e.indicator.code) numberOfCode.set(e.indicator.code, e.indicator.number);
  const keyOf = new Map<number, string>();
  const codeKeys: [number, string][] = [];
  const values: Record<number, number | null> = {};
  const { kind, min, max, decimals } = pack.valueScale;
  const places = kind === 'integer' ? 0 : decimals;
  const scaleText = `${formatValue(pack, min)}–${formatValue(pack, max)}`;
  for (const [key, value] of Object.entries(raw)) {
    if (!/^\d+$/.test(key)) {
      const coded = numberOfCode.get(key.trim());
      if (coded === undefined) problems.push(`nomor indikator "${key}" bukan angka`);
      else {
        problems.push(`"${key}" adalah kode indikator ${coded}; tulis nomornya, "${coded}"`);
        codeKeys.push([coded, key]);
      }
      continue;
    }
    const number = Number(key);
    if (!known.has(number)) {
      problems.push(`indikator "${key}" tidak ada dalam instrumen ${pack.shortTitle}`);
      continue;
    }
    const earlier = keyOf.get(number);
    if (earlier !== undefined) {
      problems.push(`indikator ${number} disebut dua kali ("${earlier}" dan "${key}")`);
      continue;
    }
    keyOf.set(number, key);
    if (value === null) {
      values[number] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`indikator ${number}: ${valueNoun(pack)} harus berupa angka`);
      continue;
    }
    if (value < min || value > max) {
      problems.push(
        `nilai indikator ${number} (${formatFixed(String(value))}) di luar rentang ${scaleText}`,
      );
      continue;
    }
    if (compare(roundHalfUp(fromNumber(value), places), fromNumber(value)) !== 0) {
      problems.push(
        kind === 'integer'
          ? `tingkat indikator ${number} (${formatFixed(String(value))}) harus bilangan bulat ${scaleText}`
          : `nilai indikator ${number} (${formatFixed(String(value))}) lebih dari ${places} angka desimal`,
      );
      continue;
    }
    values[number] = value;
  }
  for (const [number, key] of codeKeys) {
    const earlier = keyOf.get(number);
    if (earlier !== undefined) {
      problems.push(`indikator ${number} disebut dua kali ("${earlier}" dan "${key}")`);
    }
  }
  if (problems.length > 0) {
    throw new CliError(`Isi berkas "${file}" tidak sah: ${problems.join('; ')}`);
  }
  return { pack, values };
}
