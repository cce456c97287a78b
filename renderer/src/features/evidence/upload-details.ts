/**
 * Smart defaults for the upload step: a readable title cleaned from the file name, and a document
 * kind guessed from what the file says it is (an image, "notulensi", "SK", "perwal", ...); only
 * a name silent about that takes the kind of the regional profile's document rule whose phrase
 * it holds (the phrases its compliance check looks for in a title); "lainnya" when nothing fits.
 * `suggestDetails` is the one source of both: what the upload step shows, and what "Lewati" stores.
 */
import { guessEvidenceKind, LIMITS, type EvidenceKind } from '../../../../shared/assessment';
import type { Profile } from '../../../../shared/profiles';
import { capitalized } from '../../../../shared/format/text';

/** Words kept in capitals, as they are written in official titles. */
const ACRONYMS = new Set([
  'sk',
  'se',
  'spbe',
  'tik',
  'ti',
  'ba',
  'lhe',
  'opd',
  'pd',
  'rpjmd',
  'rkpd',
  'renstra',
  'sop',
  'ppid',
  'dpa',
  'apbd',
  'bsre',
  'csirt',
  'pdf',
]);
/** Small words written in lower case inside a title. */
const SMALL = new Set([
  'dan',
  'di',
  'ke',
  'dari',
  'tentang',
  'yang',
  'untuk',
  'pada',
  'atau',
  'dengan',
  'dalam',
  'oleh',
]);

/**
 * "perwal_15_2022-tentang--spbe.pdf" → "Perwal 15 2022 tentang SPBE". A name already written
 * in mixed case keeps its capitals (only separators are cleaned). Hyphens separate words only in
 * a name without spaces; in a name written with spaces they belong to what they join (a decree
 * number "188.45-123", "e-office"), and only a run of them is a separator.
 */
export function cleanTitle(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]{1,8}$/i, '');
  const separators = /\s/.test(base.trim()) ? /_+|-{2,}/g : /[_-]+/g;
  const spaced = base.replace(separators, ' ').replace(/\s+/g, ' ').trim();
  if (spaced === '') return fileName.trim().slice(0, LIMITS.evidenceTitle);
  const mixed = spaced !== spaced.toLowerCase() && spaced !== spaced.toUpperCase();
  const title = mixed
    ? spaced
    : spaced
        .toLocaleLowerCase('id-ID')
        .split(' ')
        .map((w, i) => {
          if (ACRONYMS.has(w)) return w.toLocaleUpperCase('id-ID');
          if (i > 0 && SMALL.has(w)) return w;
          return capitalized(w);
        })
        .join(' ');
  return title.slice(0, LIMITS.evidenceTitle);
}

const normalize = (s: string): string =>
  s
    .toLocaleLowerCase('id-ID')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What the file itself says it is: the usual words ("perwal", "sk", "notulen", ...) or an image,
 * and the minutes and photo words those miss ("risalah", "foto"); "lainnya" when it says nothing.
 */
function kindOfFile(fileName: string, mimeType: string): EvidenceKind {
  const usual = guessEvidenceKind(fileName, mimeType);
  if (usual !== 'lainnya') return usual;
  const name = normalize(fileName);
  if (/\brisalah\b/.test(name)) return 'notulen';
  if (/\b(foto|dokumentasi)\b/.test(name)) return 'screenshot';
  return 'lainnya';
}

/**
 * The kind for a file. What the file is wins: a photo or the minutes of a Tim Koordinasi meeting
 * are not the decree that appoints the team, and taking them for it made the compliance panel
 * count them as that SK. A profile's document rule ("Tim Koordinasi" → SK) gives its kind only
 * to a name that says nothing of the document type ("penetapan_tim_koordinasi_spbe.pdf").
 */
export function guessKind(
  fileName: string,
  mimeType: string,
  profile: Profile | null,
): EvidenceKind {
  const own = kindOfFile(fileName, mimeType);
  if (own !== 'lainnya') return own;
  const name = normalize(fileName);
  for (const obligation of profile?.obligations ?? []) {
    for (const rule of obligation.rules) {
      if (rule.kind !== 'document' || rule.evidenceKinds.length === 0) continue;
      if (rule.titleIncludes.some((p) => normalize(p) !== '' && name.includes(normalize(p))))
        return rule.evidenceKinds[0]!;
    }
  }
  return own;
}

/** A title and a document kind for a file about to be stored. */
export interface UploadDetails {
  title: string;
  kind: EvidenceKind;
}

/** The suggestions for a file: shown in the upload step, and stored as they are by "Lewati". */
export const suggestDetails = (
  file: { name: string; type: string },
  profile: Profile | null,
): UploadDetails => ({
  title: cleanTitle(file.name),
  kind: guessKind(file.name, file.type, profile),
});
