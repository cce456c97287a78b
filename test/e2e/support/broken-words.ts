/**
 * Words a page shows split across two lines inside table cells ("Koordinato r"): each word of
 * each matching cell is measured with a Range, and a word whose glyphs sit on more than one line
 * is reported with the text of its cell. Text inside a .file-name (a file name or id, which may
 * break anywhere by design) is not measured. A line may end after a hyphen or a slash
 * ("Perwal-" / "14-2022.pdf"), as text wraps there: the parts between them are the words.
 */
import type { Locator } from '@playwright/test';

export async function brokenWords(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((elements) => {
    const broken: string[] = [];
    for (const cell of elements) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.file-name')) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s/-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${match[0]}" in "${cell.textContent?.trim()}"`);
        }
      }
    }
    return broken;
  });
}
