/**
 * The methodology chapter: the instrument's structure and weights, both level scales with their
 * meanings, the predikat table, the rounding and target policies (all from the pack), and how
 * this self-assessment was carried out (team, period, evidence, review status).
 */
import { answerStatusLabel, answerStatuses, memberRoleLabel, memberRoles } from '../../assessment';
import { formatDate } from '../../format/date';
import { formatWeight } from '../../format/number';
import { indexFormulaText } from '../../instrument/formula';
import { groupEntries } from '../../instrument/tree';
import {
  cautionFor,
  externalIndicators,
  formatExternalInput,
  levelRangeText,
} from '../../instrument/value';
import type { Facts } from '../facts';
import type { Block, TableRow } from '../model';
import { externalSourceText, joinList, lowerFirst, rangeText, reportableText } from '../text';
import {
  bullets,
  hasSection,
  heading,
  i,
  numberCell,
  paragraph,
  t,
  textCell,
  type Numbering,
} from './blocks';

export function methodologyBlocks(f: Facts, n: Numbering): Block[] {
  const { pack } = f;
  const entries = groupEntries(pack);
  const counts = pack.tiers.map(
    (tier) => `${entries.filter((e) => e.tier.id === tier.id).length} ${tier.label.toLowerCase()}`,
  );
  const blocks: Block[] = [
    heading(2, 'Struktur dan Bobot Penilaian'),
    paragraph(
      t(
        `Penilaian menggunakan instrumen ${pack.shortTitle} tentang ${pack.title}, yang tersusun atas ` +
          `${joinList([...counts, `${f.indicators.length} indikator`])}. Setiap indikator dinilai pada ` +
          (f.decimal
            ? `nilai ${f.value(pack.valueScale.min)} sampai ${f.value(pack.valueScale.max)} (${pack.valueScale.decimals} angka di belakang koma) yang menunjukkan tingkat kematangannya, `
            : `tingkat kematangan ${pack.valueScale.min} sampai ${pack.valueScale.max} `) +
          `dan memiliki bobot dalam persen terhadap ${pack.indexLabel}.`,
      ),
    ),
    paragraph(t(indexFormulaText(pack))),
  ];
  // The one caution of a pack built from secondary sources: here, and nowhere else.
  const caution = cautionFor(pack, undefined);
  if (caution) blocks.push(paragraph(i(`Catatan sumber: ${caution}`)));

  const rows: TableRow[] = entries.map((e) => ({
    cells: [
      textCell(`${e.tier.label} ${e.group.number}`, e.depth === 0 && pack.tiers.length > 1),
      textCell(e.group.name, e.depth === 0 && pack.tiers.length > 1),
      textCell(rangeText(e.indicatorNumbers)),
      numberCell(e.group.weight, formatWeight(e.group.weight), 'weight', e.depth === 0),
    ],
    ...(e.depth === 0 && pack.tiers.length > 1 ? { tone: 'group' as const } : {}),
  }));
  rows.push({
    cells: [
      textCell('Jumlah', true),
      textCell(''),
      textCell(`${f.indicators.length} indikator`),
      numberCell(pack.totalWeight, formatWeight(pack.totalWeight), 'weight', true),
    ],
    tone: 'total',
  });
  blocks.push({
    kind: 'table',
    id: 'weights',
    caption: n.table(`Struktur dan bobot ${pack.shortTitle}`),
    columns: [
      { header: 'Bagian', align: 'left', width: 1.3 },
      { header: 'Nama', align: 'left', width: 4 },
      { header: 'Indikator', align: 'center', width: 1.2 },
      { header: 'Bobot (%)', align: 'right', width: 1 },
    ],
    rows,
  });

  blocks.push(heading(2, 'Tingkat Kematangan'));
  blocks.push(
    paragraph(
      t(
        `Tingkat kematangan bersifat kumulatif: suatu tingkat tercapai apabila kriteria tingkat di bawahnya ` +
          `telah terpenuhi. Instrumen memakai ${pack.levelScales.length} skala berikut.`,
      ),
    ),
  );
  for (const scale of pack.levelScales) {
    const withRange = f.decimal && scale.levels.some((l) => l.range);
    blocks.push({
      kind: 'table',
      id: `scale-${scale.id}`,
      caption: n.table(`Skala ${scale.name}${scale.appliesTo ? ` (${scale.appliesTo})` : ''}`),
      columns: [
        { header: 'Tingkat', align: 'center', width: 1 },
        { header: 'Nama', align: 'left', width: 1.6, keepWords: true },
        ...(withRange ? [{ header: 'Rentang nilai', align: 'center' as const, width: 1.6 }] : []),
        { header: 'Makna', align: 'left', width: 7 },
      ],
      rows: scale.levels.map((l) => ({
        cells: [
          numberCell(l.level, String(l.level), 'integer'),
          textCell(l.name, true),
          ...(withRange ? [textCell(levelRangeText(pack, l))] : []),
          textCell(l.meaning),
        ],
      })),
    });
  }
  const external = externalIndicators(pack);
  if (external.length > 0) {
    const factOf = (number: number) => f.indicators.find((i) => i.number === number);
    const awaited = external.filter((ind) => factOf(ind.number)?.awaitingExternal ?? true);
    blocks.push(heading(2, 'Indikator dari Indeks Instansi Lain'));
    blocks.push(
      paragraph(
        t(
          awaited.length === 0
            ? `Nilai ${external.length} indikator dikonversi dari indeks yang ditetapkan instansi lain ` +
                'menurut rentang konversi instrumen. Seluruh indeks tersebut telah dimasukkan, sehingga ' +
                'tidak ada indikator yang dihitung dengan nilai anggapan:'
            : `Nilai ${external.length} indikator dikonversi dari indeks yang ditetapkan instansi lain; ` +
                'selama indeks tersebut belum dimasukkan, indikator dihitung dengan nilai anggapan dan hasilnya SEMENTARA. ' +
                'Nilai anggapan melengkapi penilaian tim dan tidak dihitung sendirian: selama belum ada indikator ' +
                `yang dinilai, ${pack.indexLabel} dan predikatnya belum dapat dihitung.`,
        ),
      ),
      bullets(
        external.map((ind) => {
          const x = ind.externalIndex;
          const fact = factOf(ind.number);
          const source = fact?.externalInput;
          const state = source
            ? `${externalSourceText(source)} dikonversi menjadi ${f.noun} ${fact.valueDisplay ?? ''}`
            : fact && !fact.awaitingExternal && fact.valueDisplay !== null
              ? `${f.noun} ${fact.valueDisplay} diisi langsung oleh tim tanpa indeks sumbernya`
              : `belum dimasukkan; dihitung dengan nilai anggapan ${f.value(x?.assumedValue ?? pack.valueScale.min)}`;
          return [
            t(
              `Indikator ${ind.number} ${ind.name}: ${x?.name ?? ''} (${x?.shortName ?? ''}, ` +
                `${formatExternalInput(x?.min ?? 0)}–${formatExternalInput(x?.max ?? 0)}); ${state}.`,
            ),
          ];
        }),
      ),
    );
  }

  blocks.push(heading(2, 'Predikat'));
  blocks.push({
    kind: 'table',
    id: 'rating',
    caption: n.table(`Predikat ${pack.indexLabel}`),
    columns: [
      { header: 'Predikat', align: 'left', width: 2 },
      { header: `Rentang ${pack.indexLabel}`, align: 'center', width: 2 },
    ],
    rows: pack.rating.map((r) => ({ cells: [textCell(r.name, true), textCell(r.text)] })),
  });
  const rationale = reportableText(pack.rounding.rationale ?? '');
  if (rationale) blocks.push(paragraph(t(rationale)));
  blocks.push(
    paragraph(
      t(
        `Target yang dipakai dalam laporan ini: ${pack.indexLabel} ${f.headline.target.display} ` +
          `(predikat ${f.headline.target.rating}) dan ${f.noun} ${f.value(pack.targets.indicatorLevel)} untuk setiap indikator.` +
          (pack.targets.source ? ` ${pack.targets.source}` : ''),
      ),
    ),
  );

  blocks.push(heading(2, 'Pelaksanaan Penilaian Mandiri'));
  const { evaluation } = f.input.snapshot;
  const roles = memberRoles
    .map((role) => ({ role, count: f.team.filter((m) => m.role === role).length }))
    .filter((r) => r.count > 0)
    .map((r) => `${r.count} ${lowerFirst(memberRoleLabel(f.pack, r.role))}`);
  blocks.push(
    paragraph(
      t(
        f.team.length > 0
          ? `Penilaian dilaksanakan oleh Tim Asesor Internal ${f.instansiName} yang beranggotakan ${f.team.length} orang (${joinList(roles)})` +
              (hasSection(f, 'appendix') ? '; susunan tim tercantum dalam Lampiran.' : '.')
          : `Susunan Tim Asesor Internal tidak tercatat dalam data evaluasi.`,
      ),
    ),
  );
  const period =
    evaluation.periodStart && evaluation.periodEnd
      ? `Penilaian dilaksanakan pada periode ${formatDate(evaluation.periodStart)} sampai dengan ${formatDate(evaluation.periodEnd)}.`
      : evaluation.periodStart
        ? `Penilaian dimulai pada ${formatDate(evaluation.periodStart)}.`
        : 'Periode penilaian tidak tercatat dalam data evaluasi.';
  const linked = new Set(f.evidence.flatMap((e) => e.indicators)).size;
  const statuses = answerStatuses
    .map((s) => ({
      s,
      count: f.indicators.filter((i) => i.status === s && i.value !== null).length,
    }))
    .filter((x) => x.count > 0)
    .map((x) => `${x.count} ${lowerFirst(answerStatusLabel[x.s])}`);
  blocks.push(
    paragraph(
      t(
        `${period} Tim menghimpun ${f.evidence.length} dokumen bukti dukung yang ditautkan pada ${linked} indikator. ` +
          (statuses.length > 0
            ? `Status jawaban pada saat laporan disusun: ${joinList(statuses)}.`
            : 'Belum ada jawaban yang tercatat.'),
      ),
    ),
  );
  return blocks;
}
