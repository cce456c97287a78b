/**
 * The printed report's pagination, worked out before printing: the page each chapter starts on
 * (the Daftar Isi; Chromium, which prints the report through Electron's printToPDF or the
 * browser's print dialog, supports no `target-counter()`), and which kept-whole blocks must run
 * over pages instead (issue 12: no page nearly empty but a chapter's last).
 *
 * The pass lets Chromium paginate each sheet itself: a copy of the sheet is laid out, hidden, in
 * a one-column multi-column box whose column is exactly a page's content box (portrait
 * 210 − 45 × 297 − 44 mm, landscape 297 − 36 × 210 − 40 mm, the @page margins of
 * report-document.css; `.report-measure` there). Columns are fragmented by the same engine and
 * rules as printed pages: rows never split and header rows repeated on every column, paragraphs
 * broken between lines with their orphans and widows, headings kept with what follows
 * (`break-after: avoid`) and out of a page's last 15 %, unbreakable blocks moved whole, margins
 * truncated at a break. The number of columns the copy fills is the number of pages the sheet
 * prints on. Every sheet starts a page (`break-before: page`); the cover is one page.
 *
 * A kept-whole block (`data-keep`: small tables, notices) is let run over pages when it is taller
 * than a page, or when moving it whole to the next page leaves the page before it less than
 * {@link MIN_FILL} filled; the copy is laid out again after each such change.
 *
 * The report e2e test (test/e2e/report-layout.e2e.ts) checks the result against the PDF's own
 * pages (pdftotext), so a drift between the two is caught there.
 */

/**
 * The least share of a page's height that a page (not a sheet's last) is filled to. The printed
 * rule is 25 %; the measure reads line boxes, a little taller than the printed glyphs, so it
 * asks for some more.
 */
export const MIN_FILL = 0.3;

/** What the measure pass found. */
export interface PrintLayout {
  /** The first page of every section, by section id, the cover being page 1. */
  pages: Record<string, number>;
  /** The `data-keep` indexes of the kept-whole blocks that are to run over pages. */
  loose: number[];
}

/** A sheet's copy laid out in page-sized columns. */
interface Frame {
  frame: HTMLElement;
  copy: HTMLElement;
  /** The column (page content) width and height in CSS px. */
  width: number;
  height: number;
}

/** The column of a point `x` px right of the frame's left edge. */
const columnAt = (f: Frame, x: number): number => Math.max(0, Math.floor((x + 1) / f.width));

/** A line box of text in the copy: its element, column, and bottom (px from the column top). */
interface TextLine {
  element: Element;
  column: number;
  bottom: number;
}

/** The copy's lines of text, in document order. */
function textLines(f: Frame): TextLine[] {
  const origin = f.frame.getBoundingClientRect();
  const lines: TextLine[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(f.copy, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || !node.parentElement) continue;
    range.selectNodeContents(node);
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.height === 0) continue;
      lines.push({
        element: node.parentElement,
        column: columnAt(f, rect.left - origin.left),
        bottom: rect.bottom - origin.top,
      });
    }
  }
  return lines;
}

/** A block and the headings carried with it (`break-after: avoid`) to the top of a page. */
function startsWith(block: Element, first: Element): boolean {
  if (block.contains(first)) return true;
  let heading = block.previousElementSibling;
  while (heading && /^H[1-6]$/.test(heading.tagName)) {
    if (heading.contains(first)) return true;
    heading = heading.previousElementSibling;
  }
  return false;
}

/**
 * The kept-whole block of the copy that should run over pages, if any: one taller than a page
 * (spread over columns although kept whole), or one that opens a page after a page filled
 * less than MIN_FILL.
 */
function blockToLoosen(f: Frame): HTMLElement | null {
  const kept = Array.from(f.copy.querySelectorAll<HTMLElement>('[data-keep].report-keep'));
  if (kept.length === 0) return null;
  const origin = f.frame.getBoundingClientRect();
  for (const block of kept) {
    if (block.getBoundingClientRect().width > f.width + 1) return block;
  }
  const lines = textLines(f);
  const fill: number[] = [];
  for (const line of lines) fill[line.column] = Math.max(fill[line.column] ?? 0, line.bottom);
  for (const block of kept) {
    const column = columnAt(f, block.getBoundingClientRect().left - origin.left);
    if (column === 0 || (fill[column - 1] ?? 0) >= MIN_FILL * f.height) continue;
    const first = lines.find((line) => line.column === column);
    if (first && startsWith(block, first.element)) return block;
  }
  return null;
}

/** Lays out a copy of a sheet in page-sized columns; the caller removes the frame. */
function frameOf(sheet: HTMLElement): Frame {
  const frame = document.createElement('div');
  frame.className = `report-document report-measure ${
    sheet.classList.contains('landscape') ? 'landscape' : 'portrait'
  }`;
  frame.lang = 'id';
  frame.setAttribute('aria-hidden', 'true');
  // The sheet's content in a plain box: a printed sheet has no padding, border or width of its own.
  const copy = document.createElement('div');
  copy.append(...Array.from(sheet.children, (child) => child.cloneNode(true)));
  frame.append(copy);
  document.body.append(frame);
  // The box's own size, not clientWidth/Height: those are whole pixels, a page is not.
  const box = frame.getBoundingClientRect();
  return { frame, copy, width: box.width, height: box.height };
}

/**
 * Pages a sheet prints on, and the kept-whole blocks (`data-keep` indexes) that must run over
 * pages for it.
 */
export function sheetLayout(sheet: HTMLElement): { pages: number; loose: number[] } {
  if (sheet.classList.contains('cover')) return { pages: 1, loose: [] };
  const f = frameOf(sheet);
  try {
    if (f.width <= 0 || f.height <= 0) return { pages: 1, loose: [] };
    const loose: number[] = [];
    for (let block = blockToLoosen(f); block; block = blockToLoosen(f)) {
      block.classList.remove('report-keep');
      loose.push(Number(block.dataset.keep));
    }
    // Columns past the first overflow to the right of the box, each a content width wide.
    return { pages: Math.max(1, Math.round(f.frame.scrollWidth / f.width)), loose };
  } finally {
    f.frame.remove();
  }
}

/**
 * The first page of every section of the document (`data-section` on each section), counting
 * the cover as page 1 as the printed "Halaman N dari M" does, and the kept-whole blocks to print
 * over pages.
 */
export function measurePrintLayout(root: HTMLElement): PrintLayout {
  const pages: Record<string, number> = {};
  const loose: number[] = [];
  let next = 1;
  for (const section of Array.from(root.querySelectorAll<HTMLElement>('[data-section]'))) {
    const id = section.dataset.section ?? '';
    pages[id] = next;
    for (const sheet of Array.from(section.querySelectorAll<HTMLElement>('.report-sheet'))) {
      const layout = sheetLayout(sheet);
      next += layout.pages;
      loose.push(...layout.loose);
    }
  }
  return { pages, loose };
}
