/**
 * The one set of limits of the assessment model: text lengths, the evidence file name and size,
 * the evaluation year and the NIP. The zod schemas, the forms and the commands that take user
 * input all read them from here, and every message that names a limit is written by `tooLong`
 * so the number the user reads is the number that is checked.
 */
import { formatNumber } from '../format/number';

export const LIMITS = Object.freeze({
  /** An evidence file's stored name, extension included (what most file systems allow). */
  evidenceFileName: 255,
  evidenceTitle: 500,
  evidenceNumber: 200,
  evidenceDescription: 5_000,
  /** "Penjelasan" of an answer. */
  justification: 20_000,
  /** "Catatan asesor". */
  reviewNote: 10_000,
  agency: 300,
  /** A member of the Tim Asesor Internal: full name with degrees, and jabatan with unit. */
  memberName: 120,
  memberPosition: 200,
  linkNote: 1_000,
  externalNote: 1_000,
  auditValue: 20_000,
  auditNote: 5_000,
  /** "salinan 2": what tells two evaluations of one instansi and year apart. */
  evaluationLabel: 60,
  /** Years an evaluation may be made for. */
  yearMin: 2018,
  yearMax: 2100,
  /** NIP (Peraturan BKN): exactly this many digits. */
  nipDigits: 18,
});

/** The largest evidence file accepted by default (configurable in settings). */
export const DEFAULT_MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

/** "Penjelasan paling banyak 20.000 karakter". */
export const tooLong = (label: string, max: number): string =>
  `${label} paling banyak ${formatNumber(max, 0)} karakter`;

export const YEAR_REQUIRED = 'Tahun wajib diisi';
export const YEAR_RANGE = `Tahun harus antara ${LIMITS.yearMin} dan ${LIMITS.yearMax}`;
export const YEAR_NOT_A_NUMBER = `Tahun harus berupa angka 4 digit (${LIMITS.yearMin}–${LIMITS.yearMax})`;
export const NIP_MESSAGE = `NIP terdiri atas ${LIMITS.nipDigits} angka`;
export const PERIOD_ORDER_MESSAGE = 'Akhir periode tidak boleh sebelum awal periode';

/** A NIP as stored: the digits without the spaces people type between its groups. */
export const normalizeNip = (nip: string): string => nip.replace(/\s/g, '');

/** True for an empty NIP or one of exactly 18 digits (spaces between groups allowed). */
export const isValidNip = (s: string): boolean =>
  s.trim() === '' || new RegExp(`^\\d{${LIMITS.nipDigits}}$`).test(normalizeNip(s));

/**
 * Reads a typed year: "" → required, "20a5" → not a number, 1999 → out of range. Returns the
 * year or the Indonesian message.
 */
export function readYear(
  input: unknown,
): { ok: true; year: number } | { ok: false; message: string } {
  const text =
    typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, message: YEAR_REQUIRED };
  if (!/^\d+$/.test(text)) return { ok: false, message: YEAR_NOT_A_NUMBER };
  const year = Number(text);
  if (year < LIMITS.yearMin || year > LIMITS.yearMax) return { ok: false, message: YEAR_RANGE };
  return { ok: true, year };
}

/**
 * A file name cut to `max` characters keeping its extension: "laporan…panjang.pdf". Names within
 * the limit come back as they are. The cut never splits a surrogate pair.
 */
export function shortenFileName(name: string, max: number = LIMITS.evidenceFileName): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const room = Math.max(1, max - ext.length - 1);
  let base = name.slice(0, name.length - ext.length).slice(0, room);
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
  return `${base.trimEnd()}…${ext}`;
}
