/**
 * The regulation as the first evidence document of a new evaluation: its metadata (the fields of
 * `evidenceEditSchema`), a file with the text copy clearly labelled as such, and the links to the
 * indicators it supports, each citing the articles. Pure: the app stores the bytes and rows.
 * Only indicators the profile maps to articles get a link; a `mandate` link backs no level (the
 * regulation orders the practice, it does not prove it) and says so in its note.
 */
import type { EvidenceEdit } from '../assessment/evidence';
import { parseArticleRef } from './articles';
import { mappingOf, type Citation, type MappingEntry, type Profile } from './schema';

export interface PlannedEvidenceLink {
  indicator: number;
  /** The levels whose criteria the regulation backs; empty for a legal basis only. */
  levels: number[];
  /** The articles, e.g. "Pasal 5 ayat (1)–(3); Pasal 7". */
  note: string;
}

export interface RegulationEvidencePlan {
  document: EvidenceEdit;
  fileName: string;
  mimeType: string;
  /** The file's content (to be stored as UTF-8): a labelled text copy of the regulation. */
  text: string;
  links: PlannedEvidenceLink[];
}

const NOTE_MAX = 1_000;
const DESCRIPTION_MAX = 5_000;

/** "Peraturan Walikota Bengkulu" (the kind and the region, as the regulation names itself). */
function regulationName(profile: Profile): string {
  const kind = profile.regulation.kind ?? 'Peraturan Kepala Daerah';
  return `${kind} ${profile.instansi.regionName}`;
}

/**
 * The regulation as it is cited: "Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang
 * Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah"; unknown parts are left out.
 */
export function regulationCitation(profile: Profile): string {
  const { number, year, title } = profile.regulation;
  let out = regulationName(profile);
  if (number !== null) out += ` Nomor ${number}`;
  if (year !== null) out += ` Tahun ${year}`;
  if (title !== null) out += ` tentang ${title}`;
  return out;
}

/** "Pasal 5 ayat (1)–(3), (5); Pasal 7": the articles of citations, merged and in order. */
export function articlesNote(citations: readonly Citation[]): string {
  const parts = new Set<string>();
  const articles = new Map<number, { whole: boolean; paragraphs: Set<number> }>();
  for (const c of citations) {
    const ref = parseArticleRef(c.ref);
    if (!ref) continue;
    if (ref.kind === 'part') {
      parts.add(ref.part);
      continue;
    }
    const a = articles.get(ref.article) ?? { whole: false, paragraphs: new Set<number>() };
    if (ref.paragraph === null) a.whole = true;
    else a.paragraphs.add(ref.paragraph);
    articles.set(ref.article, a);
  }
  const out: string[] = [...parts];
  for (const [n, a] of [...articles].sort(([x], [y]) => x - y)) {
    if (a.whole || a.paragraphs.size === 0) {
      out.push(`Pasal ${n}`);
      continue;
    }
    const sorted = [...a.paragraphs].sort((x, y) => x - y);
    const runs: string[] = [];
    let start = sorted[0] ?? 0;
    let prev = start;
    for (const p of [...sorted.slice(1), Number.NaN]) {
      if (p === prev + 1) {
        prev = p;
        continue;
      }
      runs.push(start === prev ? `(${start})` : `(${start})–(${prev})`);
      start = p;
      prev = p;
    }
    out.push(`Pasal ${n} ayat ${runs.join(', ')}`);
  }
  return out.join('; ');
}

const truncate = (s: string, max: number): string =>
  s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;

const range = (min: number, max: number): number[] =>
  Array.from({ length: max - min + 1 }, (_, i) => min + i);

function linkOf(entry: MappingEntry): PlannedEvidenceLink {
  const articles = articlesNote(entry.articles);
  if (entry.role === 'mandate') {
    return {
      indicator: entry.indicator,
      levels: [],
      note: truncate(`Dasar kewajiban (bukan bukti pelaksanaan): ${articles}`, NOTE_MAX),
    };
  }
  const levels = entry.suggestedLevels
    ? range(entry.suggestedLevels.min, entry.suggestedLevels.max)
    : [];
  return { indicator: entry.indicator, levels, note: truncate(articles, NOTE_MAX) };
}

/** "perwal", "perbup", "pergub" for the usual kinds; a slug of the kind otherwise. */
function kindSlug(kind: string | null): string {
  const k = (kind ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (k === 'peraturan walikota' || k === 'peraturan wali kota') return 'perwal';
  if (k === 'peraturan bupati') return 'perbup';
  if (k === 'peraturan gubernur') return 'pergub';
  return slug(k) || 'peraturan';
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "perwal-balikpapan-14-2022-salinan-teks.txt". */
export function regulationFileName(profile: Profile): string {
  const { number, year, kind } = profile.regulation;
  const parts = [kindSlug(kind), slug(profile.instansi.regionName)];
  if (number !== null && slug(number) !== '') parts.push(slug(number));
  if (year !== null) parts.push(String(year));
  parts.push('salinan-teks');
  return `${parts.join('-')}.txt`;
}

/** What the text copy leaves for the user to fill from the signed document. */
function missingFacts(profile: Profile): string[] {
  const r = profile.regulation;
  const missing: string[] = [];
  if (r.number === null) missing.push('nomor');
  if (r.year === null) missing.push('tahun');
  if (r.dateSet === null) missing.push('tanggal penetapan');
  if (r.datePromulgated === null) missing.push('tanggal pengundangan');
  return missing;
}

/**
 * The plan for the regulation as evidence of a new evaluation on `instrumentId` (the profile's own
 * instrument by default; its links follow that instrument's mapping, none when it has none); null
 * when the profile carries no regulation text (there is no file to store).
 */
export function regulationEvidencePlan(
  profile: Profile,
  instrumentId: string = profile.instrumentId,
): RegulationEvidencePlan | null {
  const r = profile.regulation;
  if (r.text.trim() === '') return null;
  const citation = regulationCitation(profile);
  const missing = missingFacts(profile);
  const description = [
    `Salinan teks ${citation} dari profil daerah "${profile.id}". Bukan dokumen resmi: lampirkan juga pindaian dokumen yang ditandatangani.`,
    r.textNote,
    missing.length > 0
      ? `Belum diketahui dari salinan teks: ${missing.join(', ')}; lengkapi dari dokumen resmi.`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const header = [
    'SALINAN TEKS PERATURAN — BUKAN DOKUMEN RESMI',
    citation,
    `Sumber: profil daerah "${profile.id}" pada aplikasi Evaluasi SPBE.`,
    r.textNote !== '' ? `Catatan salinan: ${r.textNote}` : '',
    'Untuk bukti dukung resmi, lampirkan juga pindaian dokumen yang ditandatangani.',
    '='.repeat(72),
  ].filter((s) => s !== '');
  const number =
    r.number === null ? '' : r.year === null ? r.number : `${r.number} Tahun ${r.year}`;
  return {
    document: {
      kind: 'perkada',
      title: truncate(
        r.title === null
          ? regulationName(profile)
          : `${regulationName(profile)} tentang ${r.title}`,
        500,
      ),
      number,
      documentDate: r.dateSet,
      description: truncate(description, DESCRIPTION_MAX),
    },
    fileName: regulationFileName(profile),
    mimeType: 'text/plain;charset=utf-8',
    text: `${header.join('\n')}\n\n${r.text.trim()}\n`,
    links: (mappingOf(profile, instrumentId) ?? [])
      .filter((e) => e.articles.length > 0)
      .map(linkOf)
      .sort((a, b) => a.indicator - b.indicator),
  };
}
