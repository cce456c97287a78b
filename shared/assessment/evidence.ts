/**
 * Evidence (bukti dukung): the metadata of a document in an evaluation, and its links to the
 * indicators and levels it backs. The bytes live once per SHA-256 in the blob store; the same
 * file added twice is one copy linked twice. Removing a link never removes a document.
 */
import { z } from 'zod';
import { timestampSchema } from '../format/timestamp';
import { isoDateSchema } from './evaluation';
import { LIMITS, tooLong } from './limits';
import {
  evaluationIdSchema,
  evidenceHashSchema,
  evidenceIdSchema,
  linkIdSchema,
  memberIdSchema,
} from './ids';

export const evidenceKinds = [
  'perkada',
  'perda',
  'sk',
  'se',
  'notulen',
  'laporan',
  'screenshot',
  'lainnya',
] as const;
export const evidenceKindSchema = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

export const evidenceKindLabel: Record<EvidenceKind, string> = {
  perkada: 'Peraturan Kepala Daerah (Perwal/Perbup/Pergub)',
  perda: 'Peraturan Daerah',
  sk: 'Surat Keputusan (SK)',
  se: 'Surat Edaran (SE)',
  notulen: 'Notulen / berita acara',
  laporan: 'Laporan',
  screenshot: 'Tangkapan layar',
  lainnya: 'Lainnya',
};

export const evidenceSchema = z.strictObject({
  id: evidenceIdSchema,
  evaluationId: evaluationIdSchema,
  hash: evidenceHashSchema,
  fileName: z.string().trim().min(1).max(LIMITS.evidenceFileName),
  mimeType: z.string().max(200),
  size: z.number().int().positive(),
  addedAt: timestampSchema,
  addedBy: memberIdSchema.nullable(),
  /** Document metadata: kind, title, number and date as printed on it. */
  kind: evidenceKindSchema,
  title: z.string().max(LIMITS.evidenceTitle),
  number: z.string().max(LIMITS.evidenceNumber),
  documentDate: isoDateSchema.nullable(),
  description: z.string().max(LIMITS.evidenceDescription),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceLinkSchema = z.strictObject({
  id: linkIdSchema,
  evaluationId: evaluationIdSchema,
  evidenceId: evidenceIdSchema,
  indicator: z.number().int().min(1),
  /** The levels whose criteria this document backs (levels are cumulative). */
  levels: z.array(z.number().int().min(1)).max(10),
  /** Where in the document, e.g. "Pasal 5 ayat (2)". */
  note: z.string().max(LIMITS.linkNote),
  addedAt: timestampSchema,
  addedBy: memberIdSchema.nullable(),
  /** Pemdi: the butir codes of the indicator this document answers; absent for 59/2020. */
  butir: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const evidenceEditSchema = z.strictObject({
  kind: evidenceKindSchema,
  title: z.string().trim().max(LIMITS.evidenceTitle, tooLong('Judul', LIMITS.evidenceTitle)),
  number: z.string().trim().max(LIMITS.evidenceNumber, tooLong('Nomor', LIMITS.evidenceNumber)),
  documentDate: isoDateSchema.nullable(),
  description: z
    .string()
    .max(LIMITS.evidenceDescription, tooLong('Keterangan', LIMITS.evidenceDescription)),
});
export type EvidenceEdit = z.infer<typeof evidenceEditSchema>;

/** A first guess of the document kind from its file name and type; the user corrects it. */
export function guessEvidenceKind(fileName: string, mimeType: string): EvidenceKind {
  const name = fileName.toLowerCase().replace(/[_\-.]+/g, ' ');
  if (/\b(perwal|perbup|pergub|peraturan (wali ?kota|bupati|gubernur))\b/.test(name))
    return 'perkada';
  if (/\b(perda|peraturan daerah)\b/.test(name)) return 'perda';
  if (/\b(sk|keputusan|kepwal|kepbup)\b/.test(name)) return 'sk';
  if (/\b(se|surat edaran)\b/.test(name)) return 'se';
  if (/\b(notulen|notulensi|berita acara|ba|minutes)\b/.test(name)) return 'notulen';
  if (/\b(laporan|report|lhe)\b/.test(name)) return 'laporan';
  if (mimeType.startsWith('image/') || /\b(screenshot|tangkapan layar|ss)\b/.test(name))
    return 'screenshot';
  return 'lainnya';
}

/** A readable title from a file name: "perwal_15_2022_spbe.pdf" -> "perwal 15 2022 spbe". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  return base.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim() || fileName;
}
