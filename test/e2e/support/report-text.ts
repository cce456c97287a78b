/**
 * The texts a report model prints, as a reader finds them in any rendering of it (the printed
 * PDF, the Word file rendered by LibreOffice): every heading, paragraph, list item, notice,
 * figure, table caption, header and row, cover line and signature, whitespace collapsed.
 */
import { plainText, type Block, type Cell, type ReportModel } from '../../../shared/report';

/**
 * Whitespace collapsed, and a hyphen or range dash that ended a printed line joined again
 * ("sewaktu-waktu", "29–31"); the report writes neither with a space after it.
 */
export const normal = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/([-–]) /g, '$1')
    .trim();

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.display;
    case 'level':
      return cell.display ?? String(cell.level);
    case 'date':
      return cell.display;
    case 'lines':
      return cell.lines.join(' ');
    case 'empty':
      return cell.text;
  }
}

/** Every text the model prints, as the PDF must carry it (tables row by row). */
export function printedTexts(model: ReportModel): string[] {
  const out: string[] = [];
  const block = (b: Block) => {
    switch (b.kind) {
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(plainText(b.content));
        break;
      case 'list':
        for (const item of b.items) out.push(plainText(item));
        break;
      case 'notice':
        out.push(b.title, plainText(b.content), ...(b.items ?? []));
        break;
      case 'figures':
        for (const f of b.items) out.push(`${f.label} ${f.value}${f.note ? ` ${f.note}` : ''}`);
        break;
      case 'table':
        out.push(b.caption, b.columns.map((c) => c.header).join(' '));
        for (const row of b.rows) out.push(row.cells.map(cellText).join(' '));
        if (b.note) out.push(b.note);
        break;
      case 'chart':
        out.push(b.chart.caption);
        break;
      case 'cover':
        out.push(b.cover.title.toUpperCase(), b.cover.addressee, b.cover.dateLine);
        break;
      case 'signatures':
        for (const s of b.signers) {
          out.push(`${s.intro} ${s.caption} ${s.position}`);
          out.push(s.name ?? '(........................................)');
          out.push(`NIP. ${s.nip ?? '........................................'}`);
        }
        break;
      case 'pageBreak':
        break;
    }
  };
  for (const section of model.sections) {
    if (section.heading) out.push(section.heading);
    section.blocks.forEach(block);
  }
  return out.map(normal).filter((t) => t !== '');
}
