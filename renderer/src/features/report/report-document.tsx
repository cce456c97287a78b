/**
 * The report as HTML, block by block from the ReportModel: the same document is the preview on
 * the report screen and the page printed to PDF. Layout only — every word, number and chart
 * comes from the model, as in the Word and Excel files. The rendering rules are the model's
 * (shared/report/model.ts): each chapter on a new page, a leading page break applies before the
 * heading (the appendix opens landscape), header rows repeat and rows are not split (CSS in
 * report-document.css), small tables and notices are kept whole unless the print route's
 * measure pass lets them run over pages (keptWhole, report-pagination.ts), the provisional
 * notice is a red box, charts are vector SVG.
 */
import { Fragment, useCallback, type ReactNode } from 'react';
import {
  chartKey,
  chartSvg,
  type Block,
  type Cell,
  type ChartModel,
  type CoverModel,
  type Inline,
  type ReportModel,
  type ReportSection,
  type Signer,
  type TableBlock,
} from '../../../../shared/report';
import { isFinalReport, PROVISIONAL_MARK } from '../../../../shared/report/status';
import './report-document.css';

type Orientation = 'portrait' | 'landscape';

interface Sheet {
  orientation: Orientation;
  blocks: Block[];
}

/** A section's blocks cut at its page breaks; a leading break sets the first page's orientation. */
export function sheetsOf(section: ReportSection): Sheet[] {
  const sheets: Sheet[] = [];
  let current: Sheet = { orientation: 'portrait', blocks: [] };
  section.blocks.forEach((block, index) => {
    if (block.kind !== 'pageBreak') {
      current.blocks.push(block);
      return;
    }
    if (index === 0) {
      current.orientation = block.orientation;
      return;
    }
    sheets.push(current);
    current = { orientation: block.orientation, blocks: [] };
  });
  sheets.push(current);
  return sheets;
}

/** Tables of at most this many rows are kept on one page when they fit (issue 12). */
const KEPT_TABLE_ROWS = 8;

/**
 * Blocks printed whole on one page (`break-inside: avoid`) unless the print route's measure pass
 * lets them run over pages (report-pagination.ts): small tables and notices. Charts, key figures
 * and signatures are always whole.
 */
export function keptWhole(block: Block): boolean {
  return (
    (block.kind === 'table' && block.rows.length <= KEPT_TABLE_ROWS) || block.kind === 'notice'
  );
}

/**
 * How a kept-whole block prints: `index` numbers such blocks in document order (`data-keep`,
 * which the measure pass reports back), `loose` when it runs over pages instead.
 */
interface Keep {
  index: number;
  loose: boolean;
}

/** The `data-keep` attribute and class of a kept-whole block. */
function keepProps(keep: Keep | undefined, className: string) {
  if (!keep) return { className };
  return {
    className: keep.loose ? className : `${className} report-keep`,
    'data-keep': keep.index,
  };
}

/** A heading whose tag follows the page's outline and whose look follows the report's. */
function Heading({
  level,
  look,
  id,
  children,
}: {
  level: number;
  look: 'chapter' | 'h2' | 'h3';
  id?: string;
  children: ReactNode;
}) {
  const Tag = `h${Math.min(6, Math.max(1, level))}` as 'h1';
  return (
    <Tag id={id} className={`report-${look}`}>
      {children}
    </Tag>
  );
}

function Runs({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {content.map((run, i) => {
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function CellContent({ cell }: { cell: Cell }) {
  switch (cell.kind) {
    case 'text':
      return cell.bold ? <strong>{cell.text}</strong> : <>{cell.text}</>;
    case 'number':
      return cell.bold ? <strong>{cell.display}</strong> : <>{cell.display}</>;
    case 'level':
      return <>{cell.display ?? cell.level}</>;
    case 'date':
      return <>{cell.display}</>;
    case 'lines':
      return (
        <ul className="report-cell-lines">
          {cell.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      );
    case 'empty':
      return <span className="report-empty">{cell.text}</span>;
  }
}

function Table({ block, keep }: { block: TableBlock; keep: Keep | undefined }) {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const dense = block.columns.length > 6;
  // A column that keeps its words lays its table out by content on screen (report-document.css).
  const keepsWords = block.columns.some((c) => c.keepWords);
  return (
    // On screen the block scrolls sideways when its table is wider (report-document.css): a
    // named region that Tab reaches, so the keyboard can scroll it too.
    <div
      {...keepProps(keep, 'report-table-block')}
      role="region"
      aria-label={block.caption}
      tabIndex={0}
    >
      <table
        className={`report-table${dense ? ' dense' : ''}${keepsWords ? ' keeps-words' : ''}`}
        data-table={block.id}
      >
        <caption>{block.caption}</caption>
        <colgroup>
          {block.columns.map((c, i) => (
            <col key={i} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r} className={row.tone ? `tone-${row.tone}` : undefined}>
              {row.cells.map((cell, i) => (
                <td
                  key={i}
                  className={`align-${block.columns[i]?.align ?? 'left'}${block.columns[i]?.keepWords ? ' keep-words' : ''}`}
                >
                  <CellContent cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {block.note && <p className="report-table-note">{block.note}</p>}
    </div>
  );
}

function Chart({ chart }: { chart: ChartModel }) {
  return (
    <figure className="report-chart">
      <div
        className="report-chart-svg"
        // The SVG is generated by chartSvg from the model's numbers, with every text escaped;
        // it carries its own role="img" and aria-label (the chart's description).
        dangerouslySetInnerHTML={{ __html: chartSvg(chart) }}
      />
      <figcaption>
        {chart.caption}
        {chartKey(chart) && <span className="report-chart-key">{chartKey(chart)}</span>}
      </figcaption>
    </figure>
  );
}

function Signatures({ signers }: { signers: Signer[] }) {
  return (
    <div className="report-signatures">
      {signers.map((s, i) => (
        <div key={i} className="report-signer">
          <p>{s.intro}</p>
          <p>
            <strong>{s.caption}</strong>
          </p>
          <p>{s.position || '\u00a0'}</p>
          <div className="report-signature-space" aria-hidden="true" />
          <p className="report-signer-name">
            {s.name ? <strong>{s.name}</strong> : '(........................................)'}
          </p>
          <p>NIP. {s.nip ?? '........................................'}</p>
        </div>
      ))}
    </div>
  );
}

/**
 * `headingBase`: the tag level of the chapter heading; block headings sit below it. `keep`: how a
 * kept-whole block prints (keptWhole).
 */
function BlockView({
  block,
  headingBase,
  keep,
}: {
  block: Block;
  headingBase: number;
  keep?: Keep | undefined;
}) {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading level={headingBase + block.level - 1} look={`h${block.level}`}>
          {block.text}
        </Heading>
      );
    case 'paragraph':
      return (
        <p className={block.align === 'center' ? 'report-center' : 'report-justify'}>
          <Runs content={block.content} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs content={item} />
        </li>
      ));
      return block.ordered ? (
        <ol className="report-list">{items}</ol>
      ) : (
        <ul className="report-list">{items}</ul>
      );
    }
    case 'notice':
      return (
        <div
          {...keepProps(keep, `report-notice ${block.tone}`)}
          role="note"
          aria-label={block.title}
          data-notice={block.tone}
        >
          <p className="report-notice-title">{block.title}</p>
          <p className="report-justify">
            <Runs content={block.content} />
          </p>
          {block.items && block.items.length > 0 && (
            <ul className="report-notice-items">
              {block.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'figures':
      return (
        <dl className="report-figures">
          {block.items.map((item, i) => (
            <div key={i} className="report-figure">
              <dt>{item.label}</dt>
              <dd className="report-figure-value">{item.value}</dd>
              {item.note && <dd className="report-figure-note">{item.note}</dd>}
            </div>
          ))}
        </dl>
      );
    case 'table':
      return <Table block={block} keep={keep} />;
    case 'chart':
      return <Chart chart={block.chart} />;
    case 'cover':
      // A cover block outside the cover section has no page of its own; it never occurs.
      return null;
    case 'signatures':
      return <Signatures signers={block.signers} />;
    case 'pageBreak':
      return null;
  }
}

/** An image of a Blob through an object URL that lives exactly as long as the element. */
function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const attach = useCallback(
    (image: HTMLImageElement | null) => {
      if (!image) return;
      const url = URL.createObjectURL(blob);
      image.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return <img ref={attach} alt={alt} />;
}

function Cover({ cover, logo, final }: { cover: CoverModel; logo: Blob | null; final: boolean }) {
  // A complete index whose answers are not all verified is SEMENTARA too (shared/report/status).
  const mark = cover.provisionalMark ?? (final ? null : PROVISIONAL_MARK);
  return (
    <div className="report-cover">
      <div className="report-cover-logo">
        {logo ? <BlobImage blob={logo} alt={`Logo ${cover.instansiName}`} /> : null}
      </div>
      <p className="report-cover-title">{cover.title}</p>
      {mark && (
        <p className="report-cover-mark" data-provisional="true">
          — {mark} —
        </p>
      )}
      <p className="report-cover-instansi">{cover.instansiName}</p>
      {cover.province && <p className="report-cover-province">{cover.province}</p>}
      <div className="report-cover-spacer" />
      <p className="report-cover-addressee">
        {/* The space stands between the phrases, not inside one: an inline block drops a
            space it starts with, and the text (as copied, read aloud or found in the PDF)
            would run "Balikpapanmelalui". */}
        {cover.addresseePhrases.map((phrase, i) => (
          <Fragment key={phrase}>
            {i > 0 && ' '}
            <span className="report-cover-phrase">{phrase}</span>
          </Fragment>
        ))}
      </p>
      <p>{cover.preparedBy}</p>
      <p>{cover.dateLine}</p>
    </div>
  );
}

export interface ReportDocumentProps {
  model: ReportModel;
  /** The instansi's logo image (any type the browser draws), for the cover. */
  logo: Blob | null;
  /**
   * The level of the chapter headings: 1 when the document is the page (print), deeper when it
   * sits inside a screen that has its own headings (the preview).
   */
  headingBase?: number;
  /** Prefix for element ids, so that two documents on one page do not clash. */
  idPrefix?: string;
  /**
   * The Daftar Isi after the cover (the printed report): each chapter's page number by section
   * id, or null while the print route is still measuring (see report-pagination.ts).
   */
  contents?: { pages: Readonly<Record<string, number>> | null } | undefined;
  /**
   * The kept-whole blocks (by `data-keep` index) that print over pages rather than whole: those
   * taller than a page, or whose move to a new page would leave the page before nearly empty.
   * Found by the print route's measure pass (report-pagination.ts); none elsewhere.
   */
  loose?: ReadonlySet<number> | undefined;
}

/** The Daftar Isi sheet: every chapter with its page (dotted leader), when known. */
function Contents({
  model,
  pages,
  headingBase,
  idPrefix,
}: {
  model: ReportModel;
  pages: Readonly<Record<string, number>> | null;
  headingBase: number;
  idPrefix: string;
}) {
  const id = `${idPrefix}-daftar-isi`;
  return (
    <section className="report-section" aria-labelledby={id} data-section="contents">
      <div className="report-sheet portrait">
        <Heading level={headingBase} look="chapter" id={id}>
          Daftar Isi
        </Heading>
        <ol className="report-contents">
          {model.sections
            .filter((s) => s.id !== 'cover')
            .map((s) => (
              <li key={s.id}>
                <span className="report-contents-title">{s.heading}</span>
                <span className="report-contents-page">{pages?.[s.id] ?? ''}</span>
              </li>
            ))}
        </ol>
      </div>
    </section>
  );
}

export function ReportDocument({
  model,
  logo,
  headingBase = 1,
  idPrefix = 'laporan',
  contents,
  loose,
}: ReportDocumentProps) {
  const hasCover = model.sections.some((s) => s.id === 'cover');
  // Kept-whole blocks numbered in document order, the order the measure pass finds them in.
  let kept = 0;
  const keepOf = (block: Block): Keep | undefined => {
    if (!keptWhole(block)) return undefined;
    const index = kept++;
    return { index, loose: loose?.has(index) ?? false };
  };
  const toc = contents ? (
    <Contents
      key="daftar-isi"
      model={model}
      pages={contents.pages}
      headingBase={headingBase}
      idPrefix={idPrefix}
    />
  ) : null;
  return (
    <div className="report-document" lang="id">
      {!hasCover && toc}
      {model.sections.map((section) => {
        if (section.id === 'cover') {
          const cover = section.blocks.find((b) => b.kind === 'cover');
          return (
            <Fragment key={section.id}>
              <section className="report-section" aria-label="Sampul" data-section="cover">
                <div className="report-sheet cover">
                  {cover?.kind === 'cover' && (
                    <Cover cover={cover.cover} logo={logo} final={isFinalReport(model)} />
                  )}
                </div>
              </section>
              {toc}
            </Fragment>
          );
        }
        const headingId = `${idPrefix}-${section.id}`;
        return (
          <section
            key={section.id}
            className="report-section"
            aria-labelledby={headingId}
            data-section={section.id}
          >
            {sheetsOf(section).map((sheet, k) => (
              <div key={k} className={`report-sheet ${sheet.orientation}`}>
                {k === 0 && (
                  <Heading level={headingBase} look="chapter" id={headingId}>
                    {section.heading}
                  </Heading>
                )}
                {sheet.blocks.map((block, i) => (
                  <BlockView key={i} block={block} headingBase={headingBase} keep={keepOf(block)} />
                ))}
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
