/**
 * Constructors for report blocks and cells, and the numbering of tables and figures, so that
 * section modules read as prose rather than as object literals.
 */
import { withExactIndex } from '../../scoring/score';
import type { Facts } from '../facts';
import type { Block, Cell, Inline, NumberFormat, ReportSectionId } from '../model';
import { unverifiedSentence } from '../status';
import { lowerFirst } from '../text';

/** Numbers tables and figures across the whole report, in reading order. */
export class Numbering {
  private tables = 0;
  private figures = 0;
  table(caption: string): string {
    this.tables += 1;
    return `Tabel ${this.tables}. ${caption}`;
  }
  figure(caption: string): string {
    this.figures += 1;
    return `Gambar ${this.figures}. ${caption}`;
  }
}

/**
 * Whether the report being built has the chapter: the user may leave chapters out, and a text
 * must then not send the reader to one ("diuraikan dalam bab Rekomendasi").
 */
export function hasSection(f: Pick<Facts, 'input'>, id: ReportSectionId): boolean {
  const chosen = f.input.options?.sections;
  return !chosen || chosen.includes(id);
}

export const t = (text: string): Inline => ({ text });
export const b = (text: string): Inline => ({ text, bold: true });
export const i = (text: string): Inline => ({ text, italic: true });

export const paragraph = (...content: Inline[]): Block => ({
  kind: 'paragraph',
  content,
  align: 'justify',
});
export const heading = (level: 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const bullets = (items: Inline[][]): Block => ({ kind: 'list', ordered: false, items });
export const numbered = (items: Inline[][]): Block => ({ kind: 'list', ordered: true, items });

export const textCell = (text: string, bold = false): Cell =>
  bold ? { kind: 'text', text, bold } : { kind: 'text', text };
export const numberCell = (
  value: number,
  display: string,
  format: NumberFormat,
  bold = false,
): Cell =>
  bold
    ? { kind: 'number', value, display, format, bold }
    : { kind: 'number', value, display, format };
export const emptyCell = (text = '—'): Cell => ({ kind: 'empty', text });

/** The notice printed wherever a provisional index appears (nothing when complete). */
export function provisionalNotice(f: Facts): Block[] {
  const p = f.provisional;
  if (!p) return [];
  return [
    {
      kind: 'notice',
      tone: 'provisional',
      title: `HASIL ${p.label}`,
      content: [t(p.text)],
      items: [
        ...p.missing.map((m) => `Indikator ${m.number} ${m.name}`),
        ...p.awaitingExternal.map(
          (m) =>
            `Indikator ${m.number} ${m.name}: menunggu nilai eksternal` +
            (m.assumedDisplay ? ` (dihitung ${m.assumedDisplay})` : ''),
        ),
      ],
    },
  ];
}

/**
 * The notice of a complete index whose answers are not all verified: the cover and every page
 * header say SEMENTARA (../status), and the reader is told why and which answers are open.
 */
export function unverifiedNotice(f: Facts): Block[] {
  if (f.provisional || f.indicators.length === 0) return [];
  const open = f.indicators.filter((i) => i.status !== 'verified');
  if (open.length === 0) return [];
  return [
    {
      kind: 'notice',
      tone: 'provisional',
      title: 'JAWABAN BELUM TERVERIFIKASI',
      content: [t(unverifiedSentence(open.length))],
      items: open.map((i) => `Indikator ${i.number} ${i.name}: ${lowerFirst(i.statusLabel)}`),
    },
  ];
}

/**
 * The presented index, with the exact one where it would read otherwise than its predikat:
 * "2,95", "2,50 (tepatnya 2,4955)" beside Cukup.
 */
export function indexValueText(f: Facts): string {
  return withExactIndex(f.headline.display ?? '—', f.headline.exactDisplay);
}

/**
 * An earlier year's predikat, "Kurang (SEMENTARA)" where that year's evaluation was never
 * completed (its index counts only the indicators answered then), as this year's is marked.
 */
export function earlierRating(overall: { rating: string; provisional?: boolean }): string {
  return `${overall.rating}${overall.provisional ? ' (SEMENTARA)' : ''}`;
}

/** "2,95 (predikat Baik)" or "belum dapat dihitung", with "SEMENTARA" when partial. */
export function indexPhrase(f: Facts): string {
  const h = f.headline;
  if (h.display === null || h.rating === null) return 'belum dapat dihitung';
  return `${indexValueText(f)} (predikat ${h.rating})${f.provisional ? ` — ${f.provisional.label}` : ''}`;
}
