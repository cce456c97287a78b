/**
 * The report's layout rules (issue 12), checked on any PDF rendering of it — the print route's
 * PDF (Chromium) and the Word file as LibreOffice renders it — read with `pdftotext -bbox` inside
 * the content box of each page (running header and page number left out): no page but the cover
 * and the last of a sheet (a chapter, or a part opened by a page break) is less than 25 % filled;
 * no section heading or table caption in the last 15 % of a page; a table note is on the page where
 * its table ends, after its last row, and a table of 8 rows or fewer is on one page; a table's
 * header words are printed whole ("No", never "N" over "o"); a recommendation is not split before
 * its criteria, nor a lead-in paragraph ("… disiapkan:") from its list.
 */
import { execFileSync } from 'node:child_process';
import type { ReportModel, TableBlock } from '../../../shared/report';
import { expect } from '../fixtures';
import { cellText, normal } from './report-text';

export type Orientation = 'portrait' | 'landscape';

/** The content box of a page, in points from its top edge. */
export interface ContentBox {
  top: number;
  bottom: number;
}
export type ContentBoxes = Record<Orientation, ContentBox>;

export interface Word {
  text: string;
  yMin: number;
  yMax: number;
}
export interface Line {
  text: string;
  yMin: number;
  yMax: number;
  /** The left edge of its first word, in points. */
  xMin: number;
}
export interface LaidOutPage {
  orientation: Orientation;
  /** The words of the page's content box. */
  words: Word[];
  /** Those words grouped into lines, top to bottom. */
  lines: Line[];
  /** The lines' text, whitespace collapsed. */
  text: string;
}

const decode = (t: string): string =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A PDF's words grouped into lines per page, from `pdftotext -bbox`, within `boxes`. */
export function readPdfLayout(file: string, boxes: ContentBoxes): LaidOutPage[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (m) => {
      const orientation: Orientation = Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait';
      const box = boxes[orientation];
      const words = [
        ...(m[3] ?? '').matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ]
        .map((w) => ({
          x: Number(w[1]),
          yMin: Number(w[2]),
          yMax: Number(w[4]),
          text: decode(w[5] ?? ''),
        }))
        .filter((w) => w.yMin >= box.top - 2 && w.yMax <= box.bottom + 2)
        .sort((a, b) => a.yMin - b.yMin || a.x - b.x);
      const lines: Line[] = [];
      for (const w of words) {
        const line = lines.find((l) => Math.abs(l.yMin - w.yMin) < 2.5);
        if (line) {
          line.text += ` ${w.text}`;
          line.yMax = Math.max(line.yMax, w.yMax);
          line.xMin = Math.min(line.xMin, w.x);
        } else lines.push({ text: w.text, yMin: w.yMin, yMax: w.yMax, xMin: w.x });
      }
      return {
        orientation,
        words: words.map(({ text, yMin, yMax }) => ({ text, yMin, yMax })),
        lines,
        text: normal(lines.map((l) => l.text).join(' ')),
      };
    },
  );
}

/** The first word of each text or number cell of a table's last row, as printed. */
function lastRowWords(table: TableBlock): string[] {
  return (table.rows.at(-1)?.cells ?? []).flatMap((cell) => {
    const text = cell.kind === 'text' || cell.kind === 'number' ? cellText(cell) : '';
    const word = normal(text).split(' ')[0];
    return word ? [word] : [];
  });
}

/**
 * Asserts the layout rules (see the module docblock) on `pages`, the rendering of `model` named
 * `what` in the messages ("PDF", "Word"), with `boxes` the content boxes its pages were read in.
 */
export function expectLayoutRules(
  pages: readonly LaidOutPage[],
  model: ReportModel,
  boxes: ContentBoxes,
  what: string,
): void {
  const blocks = model.sections.flatMap((s) => s.blocks);
  const headings = new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [normal(b.text)] : [])));
  // The first lines of the sheets, each of which starts a page: the chapters' headings and the
  // heading after each page break within a chapter (the appendix's Lampiran 2, 3, ...).
  const sheetStarts = model.sections.flatMap((s) => [
    normal(s.heading),
    ...s.blocks.flatMap((b, k) => {
      const next = s.blocks[k + 1];
      return k > 0 && b.kind === 'pageBreak' && next?.kind === 'heading' ? [normal(next.text)] : [];
    }),
  ]);
  const startsSheet = (p: LaidOutPage | undefined): boolean => {
    const first = normal(p?.lines[0]?.text ?? '');
    return first !== '' && sheetStarts.some((h) => h === first || h.startsWith(`${first} `));
  };
  pages.forEach((p, i) => {
    const box = boxes[p.orientation];
    const height = box.bottom - box.top;
    const last = p.lines.at(-1);
    // Fill: no page is less than a quarter filled but the cover and the last page of a sheet
    // (of a chapter, or before a page break within one: the next page starts a sheet).
    if (i > 0 && i < pages.length - 1 && !startsSheet(pages[i + 1])) {
      const fill = last ? (last.yMax - box.top) / height : 0;
      expect(
        fill,
        `${what}: page ${i + 1} is ${Math.round(fill * 100)} % filled`,
      ).toBeGreaterThanOrEqual(0.25);
    }
    // No heading or table caption in the last 15 % of a page. Headings and captions start at
    // the page's left edge; an aspect's row of a table (its name in the Indikator column, kept
    // with the row under it) may read like a heading but is a row, not one.
    const left = Math.min(...p.lines.map((l) => l.xMin));
    for (const line of p.lines) {
      const text = normal(line.text);
      if (!headings.has(text) && !/^Tabel \d+\./.test(text)) continue;
      if (line.xMin > left + 20) continue;
      expect(
        (line.yMin - box.top) / height,
        `${what}: "${text}" low on page ${i + 1}`,
      ).toBeLessThanOrEqual(0.85);
    }
  });

  // Tables, found in document order by their captions.
  let from = 0;
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const caption = normal(block.caption);
    const captionPage = pages.findIndex((p, i) => i >= from && p.text.includes(caption));
    expect(captionPage, `${what}: caption "${caption}"`).toBeGreaterThan(0);
    from = captionPage;
    // The header's words are printed whole under the caption (a word broken in a narrow column
    // is two words, neither of them the header's).
    const page = pages[captionPage]!;
    const captionLine = page.lines.find((l) => normal(l.text).includes(caption.slice(0, 30)));
    const below = new Set(
      page.words.filter((w) => w.yMin > (captionLine?.yMax ?? 0)).map((w) => w.text),
    );
    for (const column of block.columns) {
      for (const word of normal(column.header).split(' ')) {
        expect(below.has(word), `${what}: header "${column.header}" of ${caption} unbroken`).toBe(
          true,
        );
      }
    }
    if (!block.note) continue;
    // A table note is on the page where its table ends: after the first words of its last row's
    // cells, never alone at the top of a page. A table of 8 rows or fewer is on one page.
    const noteStart = normal(block.note).slice(0, 40);
    const notePage = pages.findIndex((p, i) => i >= captionPage && p.text.includes(noteStart));
    expect(notePage, `${what}: note of ${caption}`).toBeGreaterThan(0);
    const before = pages[notePage]!.text.slice(0, pages[notePage]!.text.indexOf(noteStart));
    expect(before, `${what}: note of ${caption} opens page ${notePage + 1}`).not.toBe('');
    for (const word of lastRowWords(block)) {
      expect(before, `${what}: last row of ${caption} before its note`).toContain(word);
    }
    if (block.rows.length <= 8)
      expect(notePage, `${what}: ${caption} kept whole`).toBe(captionPage);
  }

  // A recommendation is never split before its criteria, and a lead-in paragraph ("…
  // disiapkan:") ends on the page where its list starts. Texts are found in document order.
  let cursor = { page: 0, at: 0 };
  const find = (needle: string): { page: number; at: number } => {
    for (let i = cursor.page; i < pages.length; i++) {
      const at = pages[i]?.text.indexOf(needle, i === cursor.page ? cursor.at : 0) ?? -1;
      if (at >= 0) return (cursor = { page: i, at: at + needle.length });
    }
    throw new Error(`${what}: "${needle}" not found after page ${cursor.page + 1}`);
  };
  const plain = (content: readonly { text: string }[]): string =>
    normal(content.map((run) => run.text).join(''));
  let recommendations = 0;
  blocks.forEach((block, k) => {
    const next = blocks[k + 1];
    if (block.kind === 'heading' && /^\d+\. Indikator /.test(block.text)) {
      recommendations += 1;
      const heading = find(normal(block.text));
      expect(find('Kriteria tingkat').page, `${what}: criteria of "${block.text}"`).toBe(
        heading.page,
      );
    }
    if (block.kind === 'paragraph' && next?.kind === 'list' && plain(block.content).endsWith(':')) {
      const leadIn = find(plain(block.content).slice(-30));
      const item = find(plain(next.items[0] ?? []).slice(0, 30));
      expect(item.page, `${what}: list after "${plain(block.content)}"`).toBe(leadIn.page);
    }
  });
  expect(recommendations, `${what}: recommendations`).toBeGreaterThan(0);
}
