/**
 * The Berita Acara Rekonsiliasi as content: title, opening, sections of paragraphs and tables,
 * closing and signature lines, built once from a merge record so that the screen, the PDF and a
 * Word file print the same words. It lists the files merged (who exported them, when, the
 * SHA-256 of their manifests), how every answer was settled, every conflict with all its sides
 * and the decision with its reason (on Pemdi also the entered source indices and the butir
 * statuses where the sides differ, and those the settled answer keeps), which file's details a
 * document kept where files edited them differently, the deletions applied (documents, links, members; and a
 * sentence for files whose deletions could not be seen), the resulting index, and signature lines
 * for the coordinator and every assessor concerned.
 */
import { butirStatusLabel, butirStatusOf } from '../assessment/answer';
import { snapshotValues, type EvaluationSnapshot } from '../assessment/snapshot';
import { formatDate, formatDateInWords, formatDateTime } from '../format/date';
import { coordinatorRoleName } from '../instrument/roles';
import type { InstrumentPack } from '../instrument/schema';
import { formatValue, valueNoun } from '../instrument/value';
import { score, type ScoreResult } from '../scoring/score';
import { noIndexText } from '../scoring/no-index';
import { evaluationName } from '../report/sections/front';
import { joinList, rangeProse } from '../report/text';
import { describeScope } from '../bundle/scope';
import { personKey, tombstoneEntityLabel } from '../assessment/tombstone';
import { instansiKindLabel } from '../assessment/evaluation';
import type { MergeRecord } from './types';
import { butirDifferences, externalsDiffer, externalText } from './value-text';
import { capitalized } from '../format/text';

export interface MinutesTable {
  columns: {
    header: string;
    align?: 'left' | 'right' | 'center';
    /**
     * Holds file names, which may be one long word ("perwal_15_2022.pdf"): they break anywhere;
     * other columns keep their words whole.
     */
    fileNames?: true;
  }[];
  rows: string[][];
}

export type MinutesBlock =
  { kind: 'paragraph'; text: string } | { kind: 'table'; caption?: string; table: MinutesTable };

export interface MinutesSection {
  heading: string;
  blocks: MinutesBlock[];
}

export interface MinutesSignature {
  /** The pack's coordinator role ("Koordinator SPBE", "Koordinator Pemdi"), "Asesor". */
  role: string;
  name: string;
  nip: string;
  /** The signer's jabatan ("Sekretaris Daerah Kota Bandar Lampung"); blank when unknown. */
  position: string;
}

export interface ReconciliationMinutes {
  title: string;
  subtitle: string;
  /**
   * The subtitle as it is set under the title: what was assessed, then whose and which year
   * ("PEMERINTAH KOTA BANDAR LAMPUNG TAHUN 2025"), so that a line never breaks inside the name
   * or leaves the year alone.
   */
  subtitleLines: string[];
  /** Left blank for the number the secretariat assigns: "Nomor: ....". */
  numberLine: string;
  opening: string[];
  sections: MinutesSection[];
  closing: string[];
  /** "Balikpapan, 22 November 2026". */
  placeAndDate: string;
  signatures: MinutesSignature[];
}

export interface MinutesOptions {
  coordinator: { name: string; nip: string };
  /** Where the reconciliation took place; the instansi's region by default. */
  place?: string;
  /** The date of the minutes; the merge date by default. */
  date?: number;
  /** NIP of assessors by name, when the caller knows them (the team list). */
  nipByName?: Record<string, string>;
  /** Jabatan of team members by name, when the caller knows them (the team list). */
  positionByName?: Record<string, string>;
}

/** The evaluation's report date ("YYYY-MM-DD") at local noon, as a timestamp; null without one. */
function reportDateOf(evaluation: { reportDate?: string | undefined }): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(evaluation.reportDate ?? '');
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime() : null;
}

/** "3 (Terdefinisi)" on a level scale, "2,75 (Berkembang)" on a decimal one. */
const levelTextOf =
  (pack: InstrumentPack) =>
  (value: number | null, levelName: string | null): string =>
    value === null
      ? 'belum diisi'
      : `${formatValue(pack, value)}${levelName ? ` (${levelName})` : ''}`;

const howLabel: Record<MergeRecord['provenance'][number]['how'], string> = {
  identical: 'sama pada semua berkas',
  oneSide: 'hanya ada pada satu berkas',
  newer: 'diambil versi terbaru',
  resolved: 'diputuskan koordinator',
};

/** Why an index is provisional: unanswered indicators, and those awaiting an external value. */
function provisionalReason(result: ScoreResult): string {
  const parts: string[] = [];
  if (result.missing.length > 0) parts.push(`${result.missing.length} indikator belum dijawab`);
  if (result.awaitingExternal.length > 0) {
    const assumed = [
      ...new Set(
        result.awaitingExternal.map(
          (n) => result.indicators.find((i) => i.number === n)?.valueDisplay ?? '',
        ),
      ),
    ].filter(Boolean);
    parts.push(
      `indikator ${rangeProse(result.awaitingExternal)} menunggu nilai eksternal` +
        (assumed.length > 0 ? ` (dihitung ${joinList(assumed)})` : ''),
    );
  }
  return parts.join('; ');
}

export function reconciliationMinutes(
  record: MergeRecord,
  merged: Pick<EvaluationSnapshot, 'answers' | 'evaluation'>,
  pack: InstrumentPack,
  options: MinutesOptions,
): ReconciliationMinutes {
  // The report date the team chose (stored with the evaluation), so a reprint keeps its date;
  // but never a day before the reconciliation it records (a report date set before the files
  // were merged): the merge's own day then.
  const reportDate = reportDateOf(merged.evaluation);
  const mergeDay = new Date(record.mergedAt);
  const mergeDayStart = new Date(
    mergeDay.getFullYear(),
    mergeDay.getMonth(),
    mergeDay.getDate(),
  ).getTime();
  const date =
    options.date ??
    (reportDate !== null && reportDate >= mergeDayStart ? reportDate : record.mergedAt);
  const place = options.place ?? merged.evaluation.instansi.regionName;
  const bundles = record.inputs.filter((i) => i.kind === 'bundle');
  const base = record.inputs.find((i) => i.kind === 'base');
  const legal = pack.legalBasis[0]?.short ?? pack.shortTitle;
  const levelText = levelTextOf(pack);
  const noun = valueNoun(pack);

  const name = evaluationName(pack);
  const longName =
    name === 'Evaluasi SPBE' ? 'Evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE)' : name;
  const opening = [
    `Pada hari ini ${formatDateInWords(date)}, bertempat di ${place}, telah dilaksanakan rekonsiliasi hasil penilaian mandiri ${longName} ${record.instansi} tahun ${record.year} menurut ${legal}, atas ${bundles.length} berkas penilaian asesor${base ? ' dan evaluasi koordinator sebagai dasar' : ''}.`,
    'Rekonsiliasi dilakukan untuk menyatukan jawaban para asesor menjadi satu hasil penilaian mandiri. Jawaban yang sama atau yang hanya diisi satu asesor digabung langsung; setiap perbedaan jawaban diputuskan oleh koordinator dengan alasan yang dicatat dalam berita acara ini.',
  ];

  // The coordinator's own evaluation is no file: it has no manifest, and nobody exported it.
  const local = record.inputs.find((i) => i.kind === 'base' && i.manifestHash === null);
  const inputs: MinutesSection = {
    heading: 'A. Berkas yang Direkonsiliasi',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'No', align: 'right' },
            { header: local ? 'Berkas atau evaluasi' : 'Berkas', fileNames: true },
            { header: 'Diekspor oleh' },
            { header: 'Waktu ekspor' },
            { header: 'Cakupan' },
            { header: 'Jawaban', align: 'right' },
            { header: 'Sidik SHA-256 manifes' },
          ],
          rows: record.inputs.map((i, n) => [
            String(n + 1),
            i.label,
            i.exportedBy ?? (i === local ? 'Tidak diekspor (evaluasi koordinator)' : '—'),
            i.exportedAt === null ? '—' : formatDateTime(i.exportedAt),
            describeScope(i.scope),
            String(i.answers),
            i.manifestHash ?? '—',
          ]),
        },
      },
      ...(local
        ? [
            {
              kind: 'paragraph' as const,
              text: `Evaluasi dasar "${local.label}" bukan berkas .spbe, melainkan evaluasi koordinator yang tersimpan di komputer koordinator, sebagaimana isinya pada saat penggabungan (termasuk pembaruan dari berkas yang diimpor ke dalamnya, bila ada).`,
            },
          ]
        : []),
    ],
  };

  const counts = { identical: 0, oneSide: 0, newer: 0, resolved: 0 };
  for (const p of record.provenance) counts[p.how] += 1;
  const result = score(pack, snapshotValues(merged));
  const summary: MinutesSection = {
    heading: 'B. Ringkasan Hasil Rekonsiliasi',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Cara penetapan jawaban' },
            { header: 'Jumlah indikator', align: 'right' },
          ],
          rows: [
            ['Sama pada semua berkas', String(counts.identical)],
            ['Hanya ada pada satu berkas', String(counts.oneSide)],
            ['Diambil versi terbaru (diubah pada satu pihak saja)', String(counts.newer)],
            ['Berbeda dan diputuskan koordinator', String(counts.resolved)],
            ['Jumlah', String(record.provenance.length)],
          ],
        },
      },
      {
        kind: 'paragraph',
        text: `Bukti dukung hasil rekonsiliasi berjumlah ${record.totals.evidence} dokumen${record.totals.evidenceDuplicates > 0 ? ` (${record.totals.evidenceDuplicates} salinan dokumen yang sama digabung)` : ''}; Tim Asesor Internal berjumlah ${record.totals.members} orang.`,
      },
      ...documentChoiceSentences(record).map((text) => ({ kind: 'paragraph' as const, text })),
      {
        kind: 'paragraph',
        text: result.overall
          ? `${pack.indexLabel} hasil rekonsiliasi: ${result.overall.display} dengan predikat ${result.overall.rating}${result.overall.provisional ? ` (sementara: ${provisionalReason(result)})` : ''}.`
          : // Assumed values alone make no index (shared/scoring/score.ts); say what awaits.
            (noIndexText(pack, result) ?? ''),
      },
    ],
  };

  const conflictBlocks: MinutesBlock[] =
    record.conflicts.length === 0
      ? [{ kind: 'paragraph', text: 'Tidak terdapat perbedaan jawaban antarasesor.' }]
      : record.conflicts.flatMap((c, n) => conflictBlocksOf(c, n, pack, levelText, noun));
  const conflicts: MinutesSection = {
    heading: 'C. Perbedaan Jawaban dan Keputusan',
    blocks: conflictBlocks,
  };

  const provenance: MinutesSection = {
    heading: 'D. Asal Jawaban Setiap Indikator',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Indikator', align: 'right' },
            { header: 'Cara' },
            { header: 'Dari berkas', fileNames: true },
          ],
          rows: record.provenance.map((p) => [
            String(p.indicator),
            howLabel[p.how],
            provenanceSourcesText(record, p),
          ]),
        },
      },
    ],
  };

  const deletions = deletionSection(record);

  // Signatures: the coordinator, then every assessor concerned (exporters and conflict sides).
  const people = new Map<string, string>();
  const addPerson = (name: string | null): void => {
    if (!name) return;
    const key = name.trim().toLocaleLowerCase('id-ID');
    if (key === '' || key === options.coordinator.name.trim().toLocaleLowerCase('id-ID')) return;
    if (!people.has(key)) people.set(key, name.trim());
  };
  for (const i of bundles) addPerson(i.exportedBy);
  for (const c of record.conflicts) for (const s of c.sides) addPerson(s.assessor);
  // Assessors whose answers came through the coordinator's evaluation (imported there).
  for (const p of record.provenance) addPerson(p.answeredBy ?? null);
  // The coordinator signs with his jabatan, as on the report: the team's, else the Sekda's
  // when he is the Sekretaris Daerah named in the instansi profile.
  const { instansi } = merged.evaluation;
  const sameName = (a: string, b: string): boolean =>
    personKey({ nip: '', name: a }) === personKey({ nip: '', name: b });
  const coordinatorName = options.coordinator.name.trim();
  const sekdaPosition =
    instansi.sekdaName.trim() !== '' && sameName(coordinatorName, instansi.sekdaName)
      ? `Sekretaris Daerah ${instansiKindLabel[instansi.kind].replace(/^Pemerintah\s+/, '')} ${instansi.regionName}`
      : '';
  const signatures: MinutesSignature[] = [
    {
      role: coordinatorRoleName(pack),
      name: options.coordinator.name,
      nip: options.coordinator.nip,
      position: options.positionByName?.[coordinatorName] || sekdaPosition,
    },
    ...[...people.values()].map((name) => ({
      role: 'Asesor',
      name,
      nip: options.nipByName?.[name] ?? '',
      position: options.positionByName?.[name] ?? '',
    })),
  ];

  const subtitleLines = [
    `PENILAIAN MANDIRI ${name.toUpperCase()}`,
    `${record.instansi.toUpperCase()} TAHUN ${record.year}`,
  ];
  return {
    title: 'BERITA ACARA REKONSILIASI',
    subtitle: subtitleLines.join(' '),
    subtitleLines,
    numberLine: 'Nomor: ....................',
    opening,
    sections: [inputs, summary, conflicts, provenance, ...(deletions ? [deletions] : [])],
    closing: [
      'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    ],
    placeAndDate: `${place}, ${formatDate(date)}`,
    signatures,
  };
}

type RecordConflict = MergeRecord['conflicts'][number];

const sideName = (s: RecordConflict['sides'][number]): string =>
  s.assessor ?? (s.exporters.join(', ') || '—');

/**
 * One conflict: every side (with the entered source index when the sides differ on it), the
 * butir whose statuses differ with each side's status and the one kept, and the decision.
 */
function conflictBlocksOf(
  c: RecordConflict,
  n: number,
  pack: InstrumentPack,
  levelText: (value: number | null, levelName: string | null) => string,
  noun: string,
): MinutesBlock[] {
  const showExternal = externalsDiffer(c.sides);
  const sourceText = (external: RecordConflict['external']): string =>
    externalText(pack, c.indicator, external) ?? 'belum diisi';
  const butir = butirDifferences(pack, c.indicator, c.sides);
  const blocks: MinutesBlock[] = [
    {
      kind: 'table',
      caption: `${n + 1}. Indikator ${c.indicator}: ${c.indicatorName}`,
      table: {
        columns: [
          { header: 'Pihak' },
          { header: 'Berkas', fileNames: true },
          { header: noun === 'nilai' ? 'Nilai' : 'Tingkat' },
          ...(showExternal ? [{ header: 'Nilai sumber' }] : []),
          { header: 'Penjelasan' },
          { header: 'Bukti dukung', fileNames: true },
          { header: 'Diubah' },
        ],
        rows: c.sides.map((s) => [
          sideName(s),
          s.sourceLabels.join(', '),
          levelText(s.value, s.levelName),
          ...(showExternal ? [sourceText(s.external)] : []),
          s.justification.trim() === '' ? '—' : s.justification,
          s.evidence.length === 0 ? '—' : s.evidence.map((e) => e.title || e.fileName).join('; '),
          formatDateTime(s.updatedAt),
        ]),
      },
    },
  ];
  if (butir.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `Status butir yang berbeda pada indikator ${c.indicator}`,
      table: {
        columns: [
          { header: 'Butir' },
          ...c.sides.map((s) => ({ header: sideName(s) })),
          { header: 'Ditetapkan' },
        ],
        rows: butir.map((b) => [
          b.text ? `${b.code} ${b.text}` : b.code,
          ...b.statuses,
          butirStatusLabel[butirStatusOf(c, b.code)],
        ]),
      },
    });
  }
  const source = showExternal ? `, ${noun} sumber ${sourceText(c.external)}` : '';
  // The justification taken: the written one, or the chosen side's where every side gave the
  // same value (then the justification is all the decision was about).
  const decision = c.decision;
  const sameValue = c.sides.every((s) => s.value === c.sides[0]?.value);
  const justification =
    decision.kind === 'written'
      ? decision.justification
      : sameValue
        ? (c.sides.find((s) => s.sourceIds.includes(decision.sourceId))?.justification.trim() ?? '')
        : '';
  blocks.push(
    {
      kind: 'paragraph',
      // A quoted explanation that ends its own sentence takes no second period after it.
      text: `Keputusan: ${c.decisionLabel}, ${noun} ${levelText(c.value, c.levelName)}${source}${justification !== '' || decision.kind === 'written' ? `, dengan penjelasan: ${quotedSentence(justification)}` : '.'}`,
    },
    { kind: 'paragraph', text: `Alasan: ${c.reason}` },
    {
      kind: 'paragraph',
      text: `Diputuskan oleh ${c.decidedBy.name} pada ${formatDateTime(c.decidedAt)}.`,
    },
  );
  return blocks;
}

/**
 * One sentence per document whose metadata two or more files edited differently (the same field
 * to different values): the copy kept (edited last) and the others; where the document combines
 * edits of several files, per copy kept and naming the fields ('Judul dokumen "…" diambil dari
 * …'). Different fields edited by different files are no clash and get no sentence. Dates carry
 * the time when two of them fall on the same day.
 */
/**
 * Where one indicator's answer came from, as the Berita Acara and the merged evaluation's summary
 * print it: the sources' labels joined by "; " (a label holds commas: "Pemerintah Kota
 * Balikpapan, 2026"), the coordinator's evaluation with whose answer it holds ("Evaluasi di
 * komputer koordinator (…): jawaban Ani Rahmawati; Budi Santoso.spbe").
 */
export function provenanceSourcesText(
  record: Pick<MergeRecord, 'inputs'>,
  p: Pick<MergeRecord['provenance'][number], 'from' | 'answeredBy'>,
): string {
  return p.from
    .map((id) => {
      const input = record.inputs.find((i) => i.sourceId === id);
      const label = input?.label ?? id;
      // The coordinator's evaluation holds answers imported from assessors' files.
      return input?.kind === 'base' && p.answeredBy ? `${label}: jawaban ${p.answeredBy}` : label;
    })
    .join('; ');
}

export function documentChoiceSentences(record: Pick<MergeRecord, 'documentChoices'>): string[] {
  return (record.documentChoices ?? []).map((c) => {
    const all = [c.kept, ...c.others];
    const days = all.map((x) => formatDate(x.editedAt));
    const when = new Set(days).size < days.length ? formatDateTime : formatDate;
    const copy = (x: (typeof all)[number]): string =>
      `${x.sourceLabel} (diubah ${when(x.editedAt)})`;
    // Named fields: the document combines several files' edits; only these fields clashed.
    const what = c.fields
      ? capitalized(joinList(c.fields.map((f) => documentFieldNoun[f])))
      : 'Rincian';
    return `${what} dokumen "${c.title.trim() || c.fileName}" diambil dari berkas ${copy(c.kept)}, bukan dari ${joinList(c.others.map(copy))}.`;
  });
}

/** A document's metadata fields as the Berita Acara names them. */
const documentFieldNoun = {
  kind: 'jenis',
  title: 'judul',
  number: 'nomor',
  documentDate: 'tanggal',
  description: 'keterangan',
} as const;

/** The sentence for inputs without tombstones (files of an older app version). */
export function blindInputsSentence(labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  return `Penghapusan dokumen, tautan, atau anggota tim pada berkas ${labels.map((l) => `"${l}"`).join(', ')} tidak dapat diketahui karena berkas tersebut dibuat oleh versi aplikasi yang belum mencatat penghapusan; isinya digabung seperti adanya.`;
}

/**
 * E. Deletions: every deletion the merge carried out or the coordinator decided, who deleted
 * what and when, and from which files the copy left. Absent for records made before deletions
 * travelled.
 */
function deletionSection(record: MergeRecord): MinutesSection | null {
  if (!record.deletions) return null;
  const blocks: MinutesBlock[] = [];
  const done = record.deletions.filter((d) => d.decision?.choice !== 'keep');
  const kept = record.deletions.filter((d) => d.decision?.choice === 'keep');
  if (done.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Tidak terdapat penghapusan yang diterapkan.' });
  } else {
    blocks.push({
      kind: 'table',
      caption: 'Penghapusan yang diterapkan',
      table: {
        columns: [
          { header: 'No', align: 'right' },
          { header: 'Jenis' },
          { header: 'Yang dihapus', fileNames: true },
          { header: 'Dihapus oleh' },
          { header: 'Waktu' },
          { header: 'Dihapus pada berkas', fileNames: true },
          { header: 'Salinan yang dibuang dari', fileNames: true },
          { header: 'Dasar' },
        ],
        rows: done.map((d, n) => [
          String(n + 1),
          tombstoneEntityLabel[d.entity],
          d.label,
          d.deletedBy || '—',
          formatDateTime(d.deletedAt),
          d.deletedIn.join(', '),
          d.removedFrom.length === 0 ? '—' : d.removedFrom.join(', '),
          d.decision
            ? `Diputuskan koordinator (${d.decision.decidedBy.name}): ${d.decision.reason}`
            : 'Salinan lain tidak diubah sejak penghapusan',
        ]),
      },
    });
  }
  for (const d of [...done, ...kept].filter((x) => x.decision !== null)) {
    blocks.push({
      kind: 'paragraph',
      text: `Penghapusan ${tombstoneEntityLabel[d.entity].toLocaleLowerCase('id-ID')} ${d.label} oleh ${d.deletedBy || '—'} berbenturan dengan perubahan pada ${d.edited.map((e) => `${e.sourceLabel} (${e.description})`).join('; ')}. Keputusan: ${d.decision!.choice === 'delete' ? 'dihapus' : 'dipertahankan'}. Alasan: ${d.decision!.reason}`,
    });
  }
  const blind = blindInputsSentence(record.blindInputs ?? []);
  if (blind) blocks.push({ kind: 'paragraph', text: blind });
  return { heading: 'E. Penghapusan Dokumen, Tautan, dan Anggota Tim', blocks };
}

/** "Alasan." → `"Alasan."`, "Alasan" → `"Alasan."`: one period, inside the quotes. */
function quotedSentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? `"${t}"` : `"${t}."`;
}
