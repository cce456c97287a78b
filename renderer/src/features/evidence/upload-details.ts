/**
 * Smart defaults for the upload step: a readable title cleaned from the file name, and a document
 * kind guessed from the file name, first against the regional profile's document rules (the
 * phrases its compliance check looks for in a title, and the kinds it accepts), then by the
 * usual words ("perwal", "sk", "notulen", ...); "lainnya" when nothing fits.
 */
import { guessEvidenceKind, LIMITS, type EvidenceKind } from '../../../../shared/assessment';
import type { Profile } from '../../../../shared/profiles';

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

const capitalise = (w: string): string => w.charAt(0).toLocaleUpperCase('id-ID') + w.slice(1);

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
          return capitalise(w);
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

/** The kind for a file: the profile's document rules first, then the usual words. */
export function guessKind(
  fileName: string,
  mimeType: string,
  profile: Profile | null,
): EvidenceKind {
  const name = normalize(fileName);
  for (const obligation of profile?.obligations ?? []) {
    for (const rule of obligation.rules) {
      if (rule.kind !== 'document' || rule.evidenceKinds.length === 0) continue;
      if (rule.titleIncludes.some((p) => normalize(p) !== '' && name.includes(normalize(p)))) {
        // The usual words decide between the kinds the rule accepts, else its first kind.
        const usual = guessEvidenceKind(fileName, mimeType);
        return rule.evidenceKinds.includes(usual) ? usual : rule.evidenceKinds[0]!;
      }
    }
  }
  return guessEvidenceKind(fileName, mimeType);
}
