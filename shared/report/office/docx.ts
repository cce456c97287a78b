/**
 * The report as an editable Word document (`docx`): A4, Heading 1–3 styles so that Word builds
 * the table of contents (a TOC field, refreshed when the file is opened), real tables with
 * repeated header rows, charts as images, signature blocks as an editable table, a running header
 * with the instansi and page numbers. Works in Node and in the browser (returns bytes).
 *
 * Charts: always the vector SVG of `charts-svg.ts`; Word requires a PNG fallback beside an SVG,
 * made by the caller's `rasterize` (canvas in the renderer, resvg in the CLI). Without a
 * rasterizer the figures are written as a table instead of a picture, and the document says so.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { chartKey, chartTable } from '../charts';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg } from '../charts-svg';
import type {
  Block,
  Cell,
  ChartModel,
  CoverModel,
  Inline,
  ReportModel,
  Signer,
  TableBlock,
  TableRow as ModelRow,
} from '../model';
import { isFinalReport, PROVISIONAL_MARK, statusRunningHeader } from '../status';
import { imageInfo, prepareDocxLogo } from './image';

/** SVG text in, PNG bytes out, at the given pixel size. */
export type Rasterize = (svg: string, width: number, height: number) => Promise<Uint8Array>;

export interface DocxOptions {
  rasterize?: Rasterize;
  /** The instansi's logo (PNG or JPEG bytes), resolved by the caller from `model.instansi.logoHash`. */
  logo?: Uint8Array | null;
  /** Told, in one Indonesian sentence, when the logo is left out and why. */
  onNote?: (note: string) => void;
}

type Orientation = 'portrait' | 'landscape';
type Child = Paragraph | Table | TableOfContents;

/**
 * The page in twentieths of a point: A4, 2,5 cm margins (1418 twips) all round as regional
 * regulations use; the running header and page number sit in the top and bottom margins.
 */
export const DOCX_PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
const A4 = { width: DOCX_PAGE.width, height: DOCX_PAGE.height };
const MARGIN = DOCX_PAGE.margin;
const textWidth = (o: Orientation): number =>
  (o === 'portrait' ? A4.width : A4.height) - 2 * MARGIN;

/** The height of a page's text area in points. */
const textHeight = (o: Orientation): number =>
  ((o === 'portrait' ? A4.height : A4.width) - 2 * MARGIN) / 20;

/**
 * How much of a page, from a heading's top, is kept on the heading's page (issue 12: no heading in
 * a page's last 15 %): the heading and the paragraphs and list items under it up to this share of
 * the text area's height are kept together, so where less room is left they move to the next page.
 */
const HEADING_KEEP_SHARE = 0.17;

/**
 * A lower bound of the height of a paragraph of `text` in points, at `size` points in a column
 * `width` points wide: Arial averages about 0,5 em a character in Indonesian text (0,47 here, so
 * that lines are rather under- than overcounted), a line is 1,28 em (Arial's 1,12 em at 1,15 line
 * spacing), plus the paragraph's 6 pt spacing after.
 */
function paragraphHeight(text: string, width: number, size = 11): number {
  const perLine = Math.max(1, Math.floor(width / (size * 0.47)));
  const lines = Math.max(1, Math.ceil(text.length / perLine));
  return lines * size * 1.28 + 6;
}

/** Per block, how many of its leading paragraphs keep with the next one and keep their lines. */
interface Keep {
  next: number;
  lines: number;
}

const inlineText = (content: readonly Inline[]): string => content.map((i) => i.text).join('');

/**
 * The longest run of paragraphs kept together, as a share of the text area's height: a longer
 * one (short sections one after another, each heading keeping what follows it) is cut before a
 * heading, since LibreOffice breaks a kept run longer than a page wherever it must.
 */
const KEEP_RUN_SHARE = 0.85;

/**
 * What Word and LibreOffice are to keep together in `blocks` (laid out from `orientation` on),
 * as the printed report does (report-document.css): a lead-in paragraph with the list it
 * introduces; the paragraph right under a heading with the paragraph or list after it (a
 * recommendation is never split before its criteria); and under every heading, the paragraphs,
 * list items and subheadings that follow, whole, up to {@link HEADING_KEEP_SHARE} of the page
 * from the heading's top, so that no heading is left in a page's last 15 %.
 */
export function keepPlan(blocks: readonly Block[], orientation: Orientation): Keep[] {
  const plan: Keep[] = blocks.map(() => ({ next: 0, lines: 0 }));
  let o = orientation;
  // The room still to be kept after the last paragraph, and the kept run's height so far.
  let need = 0;
  let run = 0;
  // The last paragraph kept with what follows: its block, and its paragraph in that block.
  let last: { keep: Keep; k: number } | null = null;
  // A heading's line and spacing after it, and the spacing above it (not above its text).
  const headingHeight = (level: 2 | 3) => (level === 2 ? 13 : 11) * 1.28 + 6;
  const headingBefore = (level: 2 | 3) => (level === 2 ? 12 : 10);
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const keep = plan[i]!;
    if (block.kind === 'pageBreak') o = block.orientation;
    if (block.kind === 'heading') {
      const height = headingHeight(block.level);
      const wanted = HEADING_KEEP_SHARE * textHeight(o);
      if (run > 0 && run + headingBefore(block.level) + wanted > KEEP_RUN_SHARE * textHeight(o)) {
        // Too long a run: it ends before this heading, which starts its own.
        if (last && last.keep.next === last.k + 1) last.keep.next = last.k;
        run = 0;
        need = 0;
      }
      run += (run > 0 ? headingBefore(block.level) : 0) + height;
      need = Math.max(need - height, wanted - height);
      return;
    }
    const texts =
      block.kind === 'paragraph'
        ? [inlineText(block.content)]
        : block.kind === 'list'
          ? block.items.map(inlineText)
          : null;
    if (!texts) {
      // A table, chart, notice…: its own rules keep it (captions with the table, rows whole).
      need = 0;
      run = 0;
      last = null;
      return;
    }
    const width = (textWidth(o) - (block.kind === 'list' ? 425 : 0)) / 20;
    const underHeading = blocks[i - 1]?.kind === 'heading';
    for (const [k, text] of texts.entries()) {
      const leadIn = block.kind === 'paragraph' && next?.kind === 'list';
      const first =
        underHeading && k === 0 && (next?.kind === 'paragraph' || next?.kind === 'list');
      if (need > 0 || leadIn || first) {
        const height = paragraphHeight(text, width);
        keep.lines = k + 1;
        need -= height;
        run += height;
        if (need > 0 || leadIn || first) {
          keep.next = k + 1;
          last = { keep, k };
          continue;
        }
      }
      need = 0;
      run = 0;
      last = null;
      break;
    }
  });
  return plan;
}

const FONT = 'Arial';
/** Indonesian on every style, so Word's spelling check reads the report as Indonesian. */
const LANGUAGE = { value: 'id-ID' };
const NAVY = '1F3864';
const TONE_FILL: Record<NonNullable<ModelRow['tone']>, string> = {
  group: 'D9E2F3',
  total: 'BDD7EE',
  belowTarget: 'FBE5D6',
  missing: 'EDEDED',
};

function runs(content: readonly Inline[], size?: number): TextRun[] {
  return content.map(
    (i) =>
      new TextRun({
        text: i.text,
        ...(i.bold ? { bold: true } : {}),
        ...(i.italic ? { italics: true } : {}),
        ...(size ? { size } : {}),
      }),
  );
}

const para = (
  text: string,
  opts: IParagraphOptions = {},
  run: { bold?: boolean; size?: number; italics?: boolean; color?: string } = {},
) => new Paragraph({ ...opts, children: [new TextRun({ text, ...run })] });

class Writer {
  private listInstance = 0;
  private chartCount = 0;
  readonly sections: { orientation: Orientation; children: Child[] }[] = [];
  constructor(
    private readonly model: ReportModel,
    private readonly options: DocxOptions,
  ) {}

  private get current(): { orientation: Orientation; children: Child[] } {
    const last = this.sections[this.sections.length - 1];
    if (!last) throw new Error('no section');
    return last;
  }

  /** Starts a new page; a new Word section when the orientation changes. */
  newPage(orientation: Orientation): boolean {
    if (this.sections.length === 0 || this.current.orientation !== orientation) {
      this.sections.push({ orientation, children: [] });
      return true;
    }
    return false;
  }

  push(...children: Child[]): void {
    this.current.children.push(...children);
  }

  /** Writes `blocks`, kept together as {@link keepPlan} says. */
  async blocks(blocks: readonly Block[]): Promise<void> {
    const plan = keepPlan(blocks, this.current.orientation);
    for (const [i, b] of blocks.entries()) await this.block(b, plan[i]);
  }

  async block(block: Block, keep: Keep = { next: 0, lines: 0 }): Promise<void> {
    // The keep options of the block's `k`-th paragraph.
    const kept = (k: number) => ({
      ...(k < keep.next ? { keepNext: true } : {}),
      ...(k < keep.lines ? { keepLines: true } : {}),
    });
    switch (block.kind) {
      case 'heading':
        this.push(
          new Paragraph({
            heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: [new TextRun(block.text)],
          }),
        );
        return;
      case 'paragraph':
        this.push(
          new Paragraph({
            alignment: block.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            ...kept(0),
            children: runs(block.content),
          }),
        );
        return;
      case 'list': {
        this.listInstance += 1;
        for (const [k, item] of block.items.entries()) {
          this.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              ...kept(k),
              numbering: {
                reference: block.ordered ? 'numbers' : 'bullets',
                level: 0,
                instance: this.listInstance,
              },
              children: runs(item),
            }),
          );
        }
        return;
      }
      case 'notice':
        this.push(this.notice(block));
        return;
      case 'figures':
        this.push(this.figures(block.items));
        return;
      case 'table':
        this.push(...this.table(block));
        return;
      case 'chart':
        this.push(...(await this.chart(block.chart)));
        return;
      case 'cover':
        this.push(...this.cover(block.cover));
        return;
      case 'signatures':
        this.push(this.signatures(block.signers));
        return;
      case 'pageBreak':
        if (!this.newPage(block.orientation)) this.push(new Paragraph({ pageBreakBefore: true }));
        return;
    }
  }

  private notice(block: Extract<Block, { kind: 'notice' }>): Table {
    const provisional = block.tone === 'provisional';
    const colour = provisional ? 'C00000' : '2E75B6';
    const children: Paragraph[] = [
      para(block.title, { spacing: { after: 80 } }, { bold: true, color: colour }),
      new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: runs(block.content) }),
    ];
    for (const item of block.items ?? []) {
      children.push(
        new Paragraph({
          numbering: { reference: 'bullets', level: 0, instance: ++this.listInstance },
          children: [new TextRun({ text: item, size: 18 })],
        }),
      );
    }
    const border = { style: BorderStyle.SINGLE, size: 12, color: colour };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              children,
              shading: {
                type: ShadingType.CLEAR,
                fill: provisional ? 'FDECEA' : 'DEEBF7',
                color: 'auto',
              },
              margins: { top: 120, bottom: 120, left: 160, right: 160 },
              borders: { top: border, bottom: border, left: border, right: border },
            }),
          ],
        }),
      ],
    });
  }

  private figures(items: { label: string; value: string; note?: string }[]): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: items.map(
            (item) =>
              new TableCell({
                verticalAlign: VerticalAlign.CENTER,
                shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
                margins: { top: 100, bottom: 100, left: 80, right: 80 },
                children: [
                  para(
                    item.label,
                    { alignment: AlignmentType.CENTER },
                    { size: 18, color: '595959' },
                  ),
                  para(
                    item.value,
                    { alignment: AlignmentType.CENTER },
                    { size: 36, bold: true, color: NAVY },
                  ),
                  ...(item.note
                    ? [
                        para(
                          item.note,
                          { alignment: AlignmentType.CENTER },
                          { size: 18, color: '595959' },
                        ),
                      ]
                    : []),
                ],
              }),
          ),
        }),
      ],
    });
  }

  private cell(
    cell: Cell,
    align: 'left' | 'center' | 'right',
    size: number,
    bold: boolean,
    keepNext = false,
  ): Paragraph[] {
    const alignment =
      align === 'right'
        ? AlignmentType.RIGHT
        : align === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.LEFT;
    const one = (text: string, extra: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
      new Paragraph({
        alignment,
        ...(keepNext ? { keepNext } : {}),
        children: [new TextRun({ text, size, ...(bold ? { bold } : {}), ...extra })],
      });
    switch (cell.kind) {
      case 'text':
        return [one(cell.text, cell.bold ? { bold: true } : {})];
      case 'number':
        return [one(cell.display, cell.bold ? { bold: true } : {})];
      case 'level':
        return [one(cell.display ?? String(cell.level))];
      case 'date':
        return [one(cell.display)];
      case 'lines':
        return cell.lines.map((line) => one(`• ${line}`));
      case 'empty':
        return [one(cell.text, { italics: true, color: '7F7F7F' })];
    }
  }

  private table(block: TableBlock): Child[] {
    const orientation = this.current.orientation;
    const size = block.columns.length > 6 ? 16 : 18;
    const widths = columnWidths(
      block.columns.map((c, i) => ({
        width: c.width,
        header: c.header,
        ...(c.keepWords ? { words: block.rows.map((r) => cellWords(r.cells[i])).flat() } : {}),
      })),
      textWidth(orientation),
      size,
    );
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            shading: { type: ShadingType.CLEAR, fill: NAVY, color: 'auto' },
            children: [
              para(
                c.header,
                { alignment: AlignmentType.CENTER },
                { bold: true, size, color: 'FFFFFF' },
              ),
            ],
          }),
      ),
    });
    const rows = block.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                ...(row.tone
                  ? {
                      shading: {
                        type: ShadingType.CLEAR,
                        fill: TONE_FILL[row.tone],
                        color: 'auto',
                      },
                    }
                  : {}),
                children: this.cell(
                  cell,
                  block.columns[i]?.align ?? 'left',
                  size,
                  row.tone === 'group' || row.tone === 'total',
                  // A domain or aspect row stays with the first row under it.
                  row.tone === 'group',
                ),
              }),
          ),
        }),
    );
    const out: Child[] = [
      para(
        block.caption,
        { keepNext: true, spacing: { before: 160, after: 80 } },
        { bold: true, size: 20 },
      ),
      new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        rows: [header, ...rows],
      }),
    ];
    if (block.note)
      out.push(
        para(block.note, { spacing: { before: 60 } }, { size: 16, italics: true, color: '595959' }),
      );
    else out.push(new Paragraph({ spacing: { after: 60 } }));
    return out;
  }

  private async chart(chart: ChartModel): Promise<Child[]> {
    this.chartCount += 1;
    const key = this.chartKeyParagraph(chart);
    // The key under the caption names the chart's labels: it stays on the chart's page.
    const caption = para(
      chart.caption,
      {
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        ...(key.length > 0 ? { keepNext: true } : {}),
      },
      { bold: true, size: 20 },
    );
    if (!this.options.rasterize) {
      return [
        ...this.table(chartTable(chart, `${chart.caption} (data grafik)`)),
        para(
          'Grafik disajikan sebagai tabel data karena pembuat dokumen ini tidak memiliki pengubah gambar.',
          {},
          { size: 16, italics: true, color: '595959' },
        ),
      ];
    }
    const svg = chartSvg(chart);
    const png = await this.options.rasterize(svg, CHART_WIDTH * 2, CHART_HEIGHT * 2);
    // Fit the text width of a portrait page (about 16 cm) at 96 px per inch.
    const width = 600;
    const height = Math.round((width * CHART_HEIGHT) / CHART_WIDTH);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: 'svg',
            data: new TextEncoder().encode(svg),
            fallback: { type: 'png', data: png },
            transformation: { width, height },
            altText: {
              name: `Grafik ${this.chartCount}`,
              title: chart.caption,
              description: chart.description,
            },
          }),
        ],
      }),
      caption,
      ...key,
    ];
  }

  /** The names behind the chart's axis labels, in small print under its caption. */
  private chartKeyParagraph(chart: ChartModel): Paragraph[] {
    const key = chartKey(chart);
    return key
      ? [
          para(
            key,
            { alignment: AlignmentType.CENTER, spacing: { after: 200 } },
            { size: 16, color: '404040' },
          ),
        ]
      : [];
  }

  private cover(cover: CoverModel): Paragraph[] {
    const out: Paragraph[] = [];
    const centered = (
      text: string,
      run: { bold?: boolean; size?: number; color?: string; allCaps?: boolean },
      spacing = 120,
    ) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: spacing },
        children: [new TextRun({ text, ...run })],
      });
    out.push(new Paragraph({ spacing: { before: 1200 } }));
    if (this.options.logo) {
      const info = imageInfo(this.options.logo);
      const height = 140;
      const width = Math.round((info.width / info.height) * height);
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 480 },
          children: [
            new ImageRun({
              type: info.type,
              data: this.options.logo,
              transformation: { width, height },
              altText: {
                name: 'Logo',
                title: `Logo ${cover.instansiName}`,
                description: `Logo ${cover.instansiName}`,
              },
            }),
          ],
        }),
      );
    } else {
      out.push(new Paragraph({ spacing: { after: 1800 } }));
    }
    out.push(centered(cover.title, { bold: true, size: 40, color: NAVY, allCaps: true }, 480));
    // A complete index whose answers are not all verified is SEMENTARA too (../status).
    const mark = cover.provisionalMark ?? (isFinalReport(this.model) ? null : PROVISIONAL_MARK);
    if (mark) {
      out.push(centered(`— ${mark} —`, { bold: true, size: 32, color: 'C00000' }, 480));
    }
    out.push(centered(cover.instansiName, { bold: true, size: 32 }));
    if (cover.province) out.push(centered(cover.province, { size: 24 }));
    out.push(new Paragraph({ spacing: { after: 1600 } }));
    out.push(centered(cover.addressee, { size: 24 }));
    out.push(centered(cover.preparedBy, { size: 22 }));
    out.push(centered(cover.dateLine, { size: 22 }));
    return out;
  }

  private signatures(signers: Signer[]): Table {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    };
    const center = { alignment: AlignmentType.CENTER } as const;
    // The heads (date, role, jabatan) in one row, the names and NIPs in the next: a row is as
    // tall as its tallest cell, so the names of both signers stand on one line however many
    // lines a jabatan takes (a single cell each put the name under a three-line jabatan lower).
    const heading = { ...center, keepNext: true, keepLines: true } as const;
    const cellBorders = { top: none, bottom: none, left: none, right: none };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders,
      rows: [
        new TableRow({
          cantSplit: true,
          children: signers.map(
            (s) =>
              new TableCell({
                borders: cellBorders,
                children: [
                  para(s.intro, heading),
                  para(s.caption, heading, { bold: true }),
                  para(s.position || ' ', heading),
                ],
              }),
          ),
        }),
        new TableRow({
          cantSplit: true,
          children: signers.map(
            (s) =>
              new TableCell({
                borders: cellBorders,
                children: [
                  new Paragraph({ spacing: { before: 1100 }, keepNext: true }),
                  new Paragraph({
                    ...center,
                    keepNext: true,
                    children: [
                      new TextRun({
                        text: s.name ?? '(........................................)',
                        bold: true,
                        underline: s.name ? {} : undefined,
                      }),
                    ],
                  }),
                  para(`NIP. ${s.nip ?? '........................................'}`, center),
                ],
              }),
          ),
        }),
      ],
    });
  }
}

/**
 * Twips a bold header word of `size` half-points needs, with the cell's margins (Arial): 0,7 em
 * a letter, as wide as "No" is (LibreOffice does not widen a column to fit it as Word does).
 */
const wordTwips = (word: string, size: number): number => Math.ceil(word.length * size * 7) + 230;

/** The words a cell prints, for a column whose words must stay whole (`keepWords`). */
function cellWords(cell: Cell | undefined): string[] {
  if (!cell) return [];
  const text =
    cell.kind === 'text' || cell.kind === 'empty'
      ? cell.text
      : cell.kind === 'level'
        ? cell.name
        : cell.kind === 'number'
          ? cell.display
          : '';
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * Column widths in twips: the model's relative widths scaled to `available`, then every column
 * widened to its header's longest word (so "No" never wraps to "N/o") and, for a `keepWords`
 * column, to the longest word of its cells ("Berkembang" never wraps to "Berkemban/g"; at most
 * a fifth of the width, so one long word cannot starve the others), the extra taken from the
 * columns that have room in proportion to what they can give.
 */
export function columnWidths(
  columns: ReadonlyArray<{ width: number; header: string; words?: readonly string[] }>,
  available: number,
  size: number,
): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = columns.map((c) => Math.floor((c.width / total) * available));
  const minimum = columns.map((c) =>
    Math.max(
      0,
      ...c.header.split(/\s+/).map((word) => wordTwips(word, size)),
      ...(c.words ?? []).map((word) => Math.min(wordTwips(word, size), available / 5)),
    ),
  );
  const needed = widths.reduce((s, w, i) => s + Math.max(0, (minimum[i] ?? 0) - w), 0);
  if (needed === 0) return widths;
  const room = widths.map((w, i) => Math.max(0, w - (minimum[i] ?? 0)));
  const spare = room.reduce((a, b) => a + b, 0);
  if (spare <= 0) return widths;
  const share = Math.min(1, needed / spare);
  return widths.map((w, i) => {
    const min = minimum[i] ?? 0;
    return w < min ? min : w - Math.ceil((room[i] ?? 0) * share);
  });
}

function headerFor(model: ReportModel): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '8EAADB', space: 4 } },
        children: [
          new TextRun({
            text: statusRunningHeader(model),
            size: 16,
            color: isFinalReport(model) ? '595959' : 'C00000',
          }),
        ],
      }),
    ],
  });
}

function footerFor(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
            size: 16,
          }),
        ],
      }),
    ],
  });
}

/** The report model as a .docx file. */
export async function reportToDocx(
  model: ReportModel,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  // The logo as Word takes it (SVG drawn to PNG), or none with a note: never an exception.
  const prepared = await prepareDocxLogo(options.logo, options.rasterize);
  if (prepared.note) options.onNote?.(prepared.note);
  const w = new Writer(model, { ...options, logo: prepared.logo?.data ?? null });
  const coverSection = model.sections.find((s) => s.id === 'cover');
  let coverChildren: Child[] = [];
  if (coverSection) {
    w.newPage('portrait');
    await w.blocks(coverSection.blocks);
    coverChildren = w.sections.pop()?.children ?? [];
  }

  w.newPage('portrait');
  w.push(
    para('Daftar Isi', { spacing: { after: 200 } }, { bold: true, size: 32, color: NAVY }),
    new TableOfContents('Daftar Isi', { hyperlink: true, headingStyleRange: '1-2' }),
  );
  for (const section of model.sections) {
    if (section.id === 'cover') continue;
    const [first, ...rest] = section.blocks;
    let blocks = section.blocks;
    let fresh = false;
    if (first?.kind === 'pageBreak') {
      // A leading page break applies before the chapter heading (the appendix opens landscape).
      fresh = w.newPage(first.orientation);
      blocks = rest;
    }
    w.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: !fresh,
        children: [new TextRun(section.heading)],
      }),
    );
    await w.blocks(blocks);
  }

  const pageOf = (
    orientation: Orientation,
  ): NonNullable<ISectionOptions['properties']>['page'] => ({
    size: {
      width: A4.width,
      height: A4.height,
      orientation:
        orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 709, footer: 709 },
  });
  const sections: ISectionOptions[] = [];
  if (coverSection)
    sections.push({ properties: { page: pageOf('portrait') }, children: coverChildren });
  for (const s of w.sections) {
    sections.push({
      properties: { page: pageOf(s.orientation) },
      headers: { default: headerFor(model) },
      footers: { default: footerFor() },
      children: s.children,
    });
  }

  // The outline level makes the headings the TOC's entries in every word processor (Word infers
  // it from the built-in style name; LibreOffice builds an empty Daftar Isi without it).
  const heading = (level: number, size: number, before: number) => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: NAVY, language: LANGUAGE },
    paragraph: {
      spacing: { before, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
  });
  const bulletIndent = { indent: { left: 425, hanging: 283 } };
  const doc = new Document({
    creator: 'Evaluasi SPBE',
    title: model.title,
    subject: `${model.title} — ${model.instansi.name}`,
    description: model.provisional
      ? model.provisional.text
      : isFinalReport(model)
        ? model.title
        : `${model.title} (${PROVISIONAL_MARK})`,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, language: LANGUAGE },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [heading(1, 30, 0), heading(2, 26, 240), heading(3, 22, 200)],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: bulletIndent },
            },
          ],
        },
        {
          reference: 'numbers',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: bulletIndent },
            },
          ],
        },
      ],
    },
    sections,
  });
  return Packer.pack(doc, 'uint8array');
}
