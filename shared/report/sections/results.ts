/**
 * The results chapter (index table, charts, trend) and the strengths and weaknesses per aspect,
 * written from the answers: what meets the target and on which documents, what falls short and
 * why, in the assessors' own words (summarised, quoted).
 */
import { formatWeight } from '../../format/number';
import type { Facts } from '../facts';
import { withExactIndex } from '../../scoring/score';
import type {
  Block,
  Cell,
  ChartModel,
  IndicatorFact,
  Inline,
  TableColumn,
  TableRow,
} from '../model';
import { externalSourceText, joinList, levelsText, rangeProse } from '../text';
import {
  b,
  bullets,
  earlierRating,
  emptyCell,
  heading,
  indexPhrase,
  indexValueText,
  numberCell,
  paragraph,
  provisionalNotice,
  t,
  textCell,
  type Numbering,
} from './blocks';
import { capitalized } from '../../format/text';

export function resultsBlocks(f: Facts, n: Numbering, charts: ChartModel[]): Block[] {
  const { pack } = f;
  const blocks: Block[] = [...provisionalNotice(f)];
  blocks.push(
    paragraph(
      t(`${pack.indexLabel} ${f.instansiName} Tahun ${f.year}: `),
      b(indexPhrase(f)),
      t(`. Target: ${f.headline.target.display} (predikat ${f.headline.target.rating}).`),
    ),
  );

  const previous = f.groups.some((g) => g.previous) ? f.lastYear : null;
  const partial = f.provisional !== null;
  const columns: TableColumn[] = [
    { header: 'Bagian', align: 'left', width: 1.2 },
    { header: 'Nama', align: 'left', width: 4 },
    { header: 'Bobot (%)', align: 'right', width: 1 },
    { header: 'Indeks', align: 'right', width: 1 },
    { header: 'Target', align: 'right', width: 1 },
    { header: 'Selisih', align: 'right', width: 1 },
  ];
  if (previous) columns.push({ header: `Tahun ${previous.year}`, align: 'right', width: 1 });
  if (partial) columns.push({ header: 'Dinilai', align: 'center', width: 1 });

  const rows: TableRow[] = [];
  const hasParents = pack.tiers.length > 1;
  const ordered = f.groups; // pre-order: a domain, then its aspects
  for (const g of ordered) {
    const top = hasParents && g.tier === f.topTier.id;
    const cells: Cell[] = [
      textCell(`${g.tierLabel} ${g.number}`, top),
      textCell(g.name, top),
      numberCell(g.weight, formatWeight(g.weight), 'weight', top),
      g.value !== null && g.display !== null
        ? numberCell(g.value, g.display, 'index', top)
        : emptyCell('belum dinilai'),
      numberCell(g.target, g.targetDisplay, 'index'),
      g.targetDifference
        ? numberCell(g.targetDifference.value, g.targetDifference.display, 'index')
        : emptyCell(),
    ];
    if (previous) {
      cells.push(
        g.previous ? numberCell(g.previous.value, g.previous.display, 'index') : emptyCell(),
      );
    }
    if (partial) cells.push(textCell(`${g.answered}/${g.total}`));
    rows.push({ cells, ...(top ? { tone: 'group' as const } : {}) });
  }
  const h = f.headline;
  const total: Cell[] = [
    textCell(pack.indexLabel, true),
    textCell(h.rating ? `Predikat ${h.rating}${partial ? ' (SEMENTARA)' : ''}` : '', true),
    numberCell(pack.totalWeight, formatWeight(pack.totalWeight), 'weight', true),
    h.value !== null && h.display !== null
      ? numberCell(h.value, h.display, 'index', true)
      : emptyCell('belum dinilai'),
    numberCell(h.target.value, h.target.display, 'index', true),
    h.targetDifference
      ? numberCell(h.targetDifference.value, h.targetDifference.display, 'index', true)
      : emptyCell(),
  ];
  if (previous) {
    total.push(
      h.previous ? numberCell(h.previous.value, h.previous.display, 'index', true) : emptyCell(),
    );
  }
  if (partial) total.push(textCell(`${f.result.answered}/${f.result.total}`, true));
  rows.push({ cells: total, tone: 'total' });
  const decimalsOf = (d: { display: string } | null): number =>
    d?.display.split(',')[1]?.length ?? 0;
  const exactShortfall = [h.targetDifference, ...ordered.map((g) => g.targetDifference)].some(
    (d) => decimalsOf(d) > pack.rounding.displayDecimals,
  );
  blocks.push({
    kind: 'table',
    id: 'indices',
    caption: n.table(`${pack.indexLabel}, ${joinList(pack.tiers.map((x) => x.indexLabel))}`),
    columns,
    rows,
    note:
      `Selisih adalah indeks dikurangi target, keduanya sebagaimana disajikan (${pack.rounding.displayDecimals} desimal).` +
      (exactShortfall
        ? ' Bila indeks yang dibulatkan tampak mencapai target padahal nilai tepatnya belum, selisih ditulis dari nilai tepatnya.'
        : ''),
  });

  for (const chart of charts) {
    blocks.push({ kind: 'chart', chart: { ...chart, caption: n.figure(chart.caption) } });
  }

  if (f.otherHistory.length > 0 && h.display !== null && h.rating !== null && h.value !== null) {
    blocks.push(...otherInstrumentTrend(f, n));
  } else if (f.history.length > 0 && h.display !== null && h.rating !== null && h.value !== null) {
    const years = [
      ...f.history.map((p) => ({
        year: p.year,
        value: p.overall?.value ?? null,
        display: p.overall ? withExactIndex(p.overall.display, p.overall.exactDisplay) : null,
        rating: p.overall ? earlierRating(p.overall) : '',
      })),
      {
        year: f.year,
        value: h.value,
        display: indexValueText(f),
        rating: h.rating + (partial ? ' (SEMENTARA)' : ''),
      },
    ];
    blocks.push({
      kind: 'table',
      id: 'trend',
      caption: n.table(`Perkembangan ${pack.indexLabel}`),
      columns: [
        { header: 'Tahun', align: 'center', width: 1 },
        { header: pack.indexLabel, align: 'right', width: 1.5 },
        { header: 'Predikat', align: 'left', width: 2 },
      ],
      rows: years.map((y) => ({
        cells: [
          textCell(String(y.year)),
          y.value !== null && y.display !== null
            ? numberCell(y.value, y.display, 'index')
            : emptyCell(),
          textCell(y.rating),
        ],
      })),
    });
  }
  return blocks;
}

/** "Indeks SPBE (PermenPANRB 59/2020)": an index named by its regulation. */
export const indexWithRegulation = (indexLabel: string, shortTitle: string): string =>
  `${indexLabel} (${shortTitle})`;

/**
 * The years on another instrument beside this one: one column per instrument, each named by its
 * regulation, and the sentence why the two are not compared. No difference is computed.
 */
function otherInstrumentTrend(f: Facts, n: Numbering): Block[] {
  const { pack } = f;
  const h = f.headline;
  const partial = f.provisional !== null;
  const current = indexWithRegulation(pack.indexLabel, pack.shortTitle);
  const others = [
    ...new Map(
      f.otherHistory.map((p) => [
        p.instrument?.id ?? '',
        indexWithRegulation(p.instrument?.indexLabel ?? '', p.instrument?.shortTitle ?? ''),
      ]),
    ).entries(),
  ];
  const rows = [...[...f.otherHistory, ...f.history].sort((a, b) => a.year - b.year), null].map(
    (p) => {
      const id = p ? (p.instrument?.id ?? pack.id) : pack.id;
      const year = p ? p.year : f.year;
      const value = p ? (p.overall?.value ?? null) : h.value;
      // "2,50 (tepatnya 2,4955)" where two decimals hide the predikat's side.
      const display = p
        ? p.overall
          ? withExactIndex(p.overall.display, p.overall.exactDisplay)
          : null
        : h.display !== null
          ? indexValueText(f)
          : null;
      const rating = p
        ? p.overall
          ? earlierRating(p.overall)
          : ''
        : `${h.rating ?? ''}${partial ? ' (SEMENTARA)' : ''}`;
      const cell = (owner: string): Cell =>
        owner === id && value !== null && display !== null
          ? numberCell(value, display, 'index')
          : emptyCell();
      return {
        cells: [
          textCell(String(year)),
          ...others.map(([other]) => cell(other)),
          cell(pack.id),
          textCell(rating),
        ],
      };
    },
  );
  return [
    {
      kind: 'table',
      id: 'trend',
      caption: n.table(`Perkembangan ${joinList([...others.map(([, label]) => label), current])}`),
      columns: [
        { header: 'Tahun', align: 'center', width: 1 },
        ...others.map(([, label]) => ({ header: label, align: 'right' as const, width: 1.8 })),
        { header: current, align: 'right', width: 1.8 },
        { header: 'Predikat', align: 'left', width: 2 },
      ],
      rows,
    },
    paragraph(t(notComparableSentence(f))),
  ];
}

/** Why indices of two instruments are shown side by side and not compared. */
export function notComparableSentence(f: Facts): string {
  const names = [
    ...new Set(
      f.otherHistory.map((p) =>
        indexWithRegulation(p.instrument?.indexLabel ?? '', p.instrument?.shortTitle ?? ''),
      ),
    ),
    indexWithRegulation(f.pack.indexLabel, f.pack.shortTitle),
  ];
  return `${joinList(names)} diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.`;
}

const MAX_CITED = 3;

/** Documents cited, at most `max`, with "serta n dokumen lainnya". */
function citedPhrase(docs: readonly { text: string }[], max = MAX_CITED): string {
  const shown = docs.slice(0, max).map((e) => e.text);
  const more = docs.length - shown.length;
  return `${joinList(shown)}${more > 0 ? ` serta ${more} dokumen lainnya` : ''}`;
}

/** The documents tagged for the indicator's claimed level (what "didukung oleh" may cite). */
const backing = (ind: IndicatorFact) =>
  ind.evidence.filter((e) => ind.level !== null && e.levels.includes(ind.level));

function strength(f: Facts, ind: IndicatorFact): Inline[] {
  const out: Inline[] = [
    b(`Indikator ${ind.number} ${ind.name}`),
    t(` berada pada ${f.noun} ${ind.valueDisplay ?? ind.level} (${ind.levelName})`),
  ];
  const docs = backing(ind);
  if (ind.externalInput) out.push(t(`, dikonversi dari ${externalSourceText(ind.externalInput)}`));
  out.push(t(docs.length > 0 ? `, didukung oleh ${citedPhrase(docs)}.` : '.'));
  return out;
}

/** A claim no document is tagged for: a risk for the external verification, never a strength. */
function risk(f: Facts, ind: IndicatorFact): Inline[] {
  return [
    b(`Indikator ${ind.number} ${ind.name}`),
    t(
      ` (${f.noun} ${ind.valueDisplay ?? ind.level}, ${ind.levelName}): ` +
        (ind.evidence.length > 0
          ? `bukti yang ditautkan hanya ditandai untuk ${levelsText([...new Set(ind.evidence.flatMap((e) => e.levels))])}.`
          : 'belum ada bukti dukung.'),
    ),
  ];
}

function weakness(f: Facts, ind: IndicatorFact): Inline[] {
  const gap = ind.gapDisplay ?? '0';
  const below = `${gap}${f.decimal ? ' poin' : ' tingkat'} di bawah target ${f.noun} ${ind.targetDisplay}.`;
  // An awaited external index has reached nothing: its value is an assumption until entered.
  const out: Inline[] = [
    b(`Indikator ${ind.number} ${ind.name}`),
    t(
      ind.awaitingExternal
        ? ` menunggu nilai indeks dari instansi sumbernya; sementara itu dihitung dengan nilai anggapan ${ind.valueDisplay ?? ind.level}, ${below}`
        : ` baru mencapai ${f.noun} ${ind.valueDisplay ?? ind.level} (${ind.levelName}), ${below}`,
    ),
  ];
  if (ind.justificationSummary) {
    out.push(t(' Penjelasan tim: '), { text: `“${ind.justificationSummary}”`, italic: true });
  }
  if (ind.evidence.length > 0) {
    out.push(t(` Bukti dukung saat ini: ${citedPhrase(ind.evidence, 2)}.`));
  }
  return out;
}

export function findingsBlocks(f: Facts): Block[] {
  const blocks: Block[] = [
    paragraph(
      t(
        `Bagian ini menguraikan kekuatan dan kelemahan setiap ${f.leafTier.label.toLowerCase()}: indikator yang ` +
          `telah mencapai target ${f.noun} ${f.value(f.pack.targets.indicatorLevel)} dengan bukti dukung untuk ${f.noun} ` +
          `yang diklaim, indikator yang ${f.noun}nya belum didukung bukti dan perlu dilengkapi sebelum verifikasi ` +
          `oleh asesor eksternal, dan indikator yang belum mencapai target beserta penjelasan Tim Asesor Internal.`,
      ),
    ),
  ];
  const aspects = f.groups.filter((g) => g.tier === f.leafTier.id);
  for (const aspect of aspects) {
    const own = f.indicators.filter((i) => i.aspect?.id === aspect.id);
    const unsupported = own.filter((i) => i.claimSupported === false);
    const met = own.filter((i) => i.meetsTarget === true && i.claimSupported !== false);
    const below = own.filter((i) => i.meetsTarget === false);
    const reached = own.filter((i) => i.meetsTarget === true).length;
    const summary: Inline[] = [
      t(`${f.leafTier.indexLabel} `),
      b(aspect.display ?? 'belum dapat dihitung'),
      t(
        ` (target ${aspect.targetDisplay}; bobot ${formatWeight(aspect.weight)}%).` +
          (aspect.answered === 0
            ? ''
            : reached > 0
              ? ` ${reached} dari ${aspect.answered} indikator yang dinilai telah mencapai target.`
              : ' Belum ada indikator yang mencapai target.'),
      ),
    ];
    if (aspect.previous) {
      summary.push(
        t(` Pada Tahun ${aspect.previous.year} indeks aspek ini ${aspect.previous.display}.`),
      );
    }
    if (aspect.missing.length > 0) {
      summary.push(
        b(` Indikator ${rangeProse(aspect.missing)} belum dinilai; indeks aspek ini SEMENTARA.`),
      );
    }
    // An awaited external value is not the team's to prove: it is said apart, not as unsupported.
    const awaiting = own.filter((i) => i.awaitingExternal);
    if (awaiting.length > 0) {
      summary.push(
        t(
          ` Indikator ${rangeProse(awaiting.map((i) => i.number))} menunggu nilai eksternal` +
            (f.result.overall
              ? ` (dihitung ${joinList([...new Set(awaiting.map((i) => i.valueDisplay ?? ''))])}).`
              : '; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.'),
        ),
      );
    }
    const noEvidence = below
      .filter((i) => i.evidence.length === 0 && !i.awaitingExternal)
      .map((i) => i.number);
    if (noEvidence.length > 0) {
      summary.push(
        t(
          ` Indikator di bawah target yang belum memiliki bukti dukung: ${rangeProse(noEvidence)}.`,
        ),
      );
    }
    blocks.push(
      heading(2, `${f.leafTier.label} ${aspect.number} ${aspect.name}`),
      paragraph(...summary),
    );
    blocks.push(heading(3, 'Kekuatan'));
    blocks.push(
      met.length > 0
        ? bullets(met.map((ind) => strength(f, ind)))
        : paragraph(
            t(
              `Belum ada indikator pada ${f.leafTier.label.toLowerCase()} ini yang mencapai target dengan bukti dukung.`,
            ),
          ),
    );
    if (unsupported.length > 0) {
      blocks.push(
        heading(3, 'Perlu perhatian'),
        paragraph(
          t(
            `${capitalized(f.noun)} indikator berikut belum didukung bukti yang ditandai ` +
              `untuk ${f.noun} tersebut; bukti perlu dilengkapi sebelum verifikasi oleh asesor eksternal.`,
          ),
        ),
        bullets(unsupported.map((ind) => risk(f, ind))),
      );
    }
    blocks.push(heading(3, 'Kelemahan'));
    // With nothing valued here, "every indicator assessed has met the target" would be vacuous.
    const noneValued = own.every((i) => i.meetsTarget === null);
    blocks.push(
      below.length > 0
        ? bullets(below.map((ind) => weakness(f, ind)))
        : paragraph(
            t(
              noneValued
                ? `Belum ada indikator yang dinilai pada ${f.leafTier.label.toLowerCase()} ini.`
                : `Seluruh indikator yang dinilai pada ${f.leafTier.label.toLowerCase()} ini telah mencapai target.`,
            ),
          ),
    );
  }
  return blocks;
}
