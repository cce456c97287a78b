/**
 * Page numbers of the printed report, for its Daftar Isi. Chromium prints the report (Electron's
 * printToPDF, the browser's print dialog) and supports no `target-counter()`, so the numbers are
 * worked out before printing by a measure pass over the document as laid out on screen:
 *
 * - the screen sheets have the print content width (portrait 210 − 45 mm, landscape 297 − 36 mm:
 *   the same as the @page margins of report-document.css) and the same type sizes, so a block's
 *   height on screen is its height in print;
 * - every sheet starts a page (`break-before: page`), the cover is one page;
 * - within a sheet the blocks are placed on pages of the print content height (portrait
 *   297 − 44 mm, landscape 210 − 40 mm): a block that must not break (`break-inside: avoid`:
 *   charts, small tables, notices, signatures) and does not fit the rest of the page starts the
 *   next one; any other block runs on over the page boundary.
 *
 * This follows the print rules the stylesheet gives Chromium; the report e2e test checks the
 * result against the PDF's own pages (pdftotext), so a drift between the two is caught there.
 */

const MM = 96 / 25.4;
/** Content height of a page in CSS px, by the sheet's kind. */
const PAGE_HEIGHT = { portrait: (297 - 44) * MM, landscape: (210 - 40) * MM } as const;

/** Pages a sheet takes when printed, from its children's measured boxes. */
export function sheetPages(sheet: HTMLElement): number {
  if (sheet.classList.contains('cover')) return 1;
  const pageHeight = sheet.classList.contains('landscape')
    ? PAGE_HEIGHT.landscape
    : PAGE_HEIGHT.portrait;
  const style = getComputedStyle(sheet);
  const origin = sheet.getBoundingClientRect().top + (Number.parseFloat(style.paddingTop) || 0);
  let pages = 1;
  let pageTop = 0;
  for (const child of Array.from(sheet.children) as HTMLElement[]) {
    const box = child.getBoundingClientRect();
    const top = box.top - origin;
    const bottom = box.bottom - origin;
    if (bottom - pageTop <= pageHeight) continue;
    const whole = getComputedStyle(child).breakInside === 'avoid';
    if (whole && bottom - top <= pageHeight) {
      pages += 1;
      pageTop = top;
      continue;
    }
    while (bottom - pageTop > pageHeight) {
      pages += 1;
      pageTop += pageHeight;
    }
  }
  return pages;
}

/**
 * The first page of every section of the document (`data-section` on each section), counting
 * the cover as page 1 as the printed "Halaman N dari M" does.
 */
export function sectionPages(root: HTMLElement): Record<string, number> {
  const pages: Record<string, number> = {};
  let next = 1;
  for (const section of Array.from(root.querySelectorAll<HTMLElement>('[data-section]'))) {
    const id = section.dataset.section ?? '';
    pages[id] = next;
    for (const sheet of Array.from(section.querySelectorAll<HTMLElement>('.report-sheet'))) {
      next += sheetPages(sheet);
    }
  }
  return pages;
}
