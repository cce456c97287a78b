/**
 * The recommendations (per indicator below target, by gain in index per level, with what the next
 * level requires from the pack's criteria and evidence guidance) and the appendix: every
 * indicator, the team, and the Berita Acara with its signature blocks.
 */
import { instansiKindLabel } from '../../assessment';
import { personKey } from '../../assessment/tombstone';
import { formatDateInWords } from '../../format/date';
import { coordinatorRoleName } from '../../instrument/roles';
import { findIndicator } from '../../instrument/tree';
import { externalInputFor, formatExternalInput } from '../../instrument/value';
import type { Facts } from '../facts';
import type { Block, Cell, RecommendationFact, Signer, TableRow } from '../model';
import { externalSourceText, joinList, rangeProse } from '../text';
import { awaitingAmongRecommendations, evaluationName } from './front';
import {
  b,
  bullets,
  emptyCell,
  heading,
  i,
  numberCell,
  paragraph,
  provisionalNotice,
  unverifiedNotice,
  t,
  textCell,
  type Numbering,
} from './blocks';

/** "sebesar 0,06", or "kurang dari 0,01" for a gain too small to show. */
export const gainPhrase = (r: RecommendationFact): string =>
  r.gainToTargetDisplay.startsWith('<')
    ? `kurang dari ${r.gainToTargetDisplay.slice(1).trim()}`
    : `sebesar ${r.gainToTargetDisplay}`;

export function recommendationBlocks(f: Facts, n: Numbering): Block[] {
  const { pack } = f;
  const blocks: Block[] = [...provisionalNotice(f)];
  if (f.recommendations.length === 0) {
    blocks.push(
      paragraph(
        t(
          f.result.answered > 0
            ? `Seluruh indikator yang dinilai telah mencapai target ${f.noun} ${f.value(pack.targets.indicatorLevel)}. ` +
                'Tindak lanjut diarahkan pada pemeliharaan bukti dukung dan peningkatan ke tingkat berikutnya.'
            : 'Belum ada indikator yang dinilai, sehingga rekomendasi belum dapat disusun.',
        ),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      t(
        `Rekomendasi berikut disusun untuk ${f.recommendations.length} indikator yang berada di bawah target ` +
          `${f.noun} ${f.value(pack.targets.indicatorLevel)}${awaitingAmongRecommendations(f)}, diurutkan menurut kenaikan ${pack.indexLabel} untuk setiap ` +
          `langkah tingkat kematangan. Untuk setiap indikator diuraikan setiap tingkat yang masih harus dicapai ` +
          `sampai target beserta kriterianya menurut ${pack.shortTitle}, bukti dukung yang telah dimiliki dan dapat ` +
          `dimanfaatkan, pasal peraturan daerah yang berkaitan, kenaikan ${pack.indexLabel} bila target tercapai, ` +
          'serta perangkat daerah penanggung jawab.',
      ),
    ),
  );
  if (f.whatIf) {
    blocks.push({
      kind: 'notice',
      tone: 'info',
      // With only awaited indicators below target there is nothing to simulate: say what waits.
      title:
        f.whatIf.count === 0
          ? 'Indikator di bawah target menunggu nilai eksternal'
          : f.decimal
            ? 'Simulasi kenaikan tingkat kematangan'
            : 'Simulasi kenaikan satu tingkat',
      content: [
        b(f.whatIf.sentence),
        // Nothing the team can raise changes nothing: no difference to state.
        ...(f.whatIf.count > 0
          ? [t(` Perubahan terhadap ${pack.indexLabel} saat ini: ${f.whatIf.deltaDisplay}.`)]
          : []),
      ],
    });
  }
  // An awaited external index is counted with an assumed value no one reached: marked so.
  const awaited = new Set(f.indicators.filter((i) => i.awaitingExternal).map((i) => i.number));
  const assumedNote = f.recommendations.some((r) => awaited.has(r.number))
    ? '* Nilai anggapan: indikator menunggu nilai indeks dari instansi sumbernya.'
    : null;
  const orderNote = f.decimal
    ? 'Urutan menurut kenaikan indeks per langkah tingkat, yaitu kenaikan indeks sampai target ' +
      'dibagi jumlah langkah; indikator dengan kenaikan per langkah yang sama diurutkan menurut nomornya.'
    : null;
  const tableNote = [orderNote, assumedNote].filter((x) => x !== null).join(' ');
  blocks.push({
    kind: 'table',
    id: 'recommendations',
    caption: n.table('Indikator di bawah target menurut kenaikan indeks per langkah tingkat'),
    columns: [
      { header: 'No', align: 'center', width: 0.6 },
      { header: 'Indikator', align: 'left', width: 4 },
      { header: f.decimal ? 'Nilai saat ini' : 'Tingkat saat ini', align: 'center', width: 1.3 },
      { header: f.decimal ? 'Nilai target' : 'Tingkat target', align: 'center', width: 1.3 },
      // A decimal value does not show how many level steps it is from the target (1,00 → 2,50
      // is two); integer levels do (1 → 3).
      ...(f.decimal ? [{ header: 'Langkah', align: 'center' as const, width: 0.9 }] : []),
      { header: 'Kenaikan indeks sampai target', align: 'right', width: 1.3 },
      { header: 'Perangkat Daerah', align: 'left', width: 2 },
    ],
    rows: f.recommendations.map((r) => ({
      cells: [
        textCell(String(r.rank)),
        textCell(`${r.number}. ${r.name}`),
        f.decimal
          ? {
              kind: 'level',
              level: r.level,
              name: r.levelName,
              display: awaited.has(r.number) ? `${r.valueDisplay}*` : r.valueDisplay,
            }
          : awaited.has(r.number)
            ? { kind: 'level', level: r.level, name: r.levelName, display: `${r.valueDisplay}*` }
            : { kind: 'level', level: r.level, name: r.levelName },
        f.decimal
          ? {
              kind: 'level',
              level: r.targetLevelOfScale,
              name: r.steps[r.steps.length - 1]?.name ?? r.nextLevelName,
              display: r.targetDisplay,
            }
          : {
              kind: 'level',
              level: r.targetLevelOfScale,
              name: r.steps[r.steps.length - 1]?.name ?? r.nextLevelName,
            },
        ...(f.decimal ? [textCell(String(Math.max(1, r.steps.length)))] : []),
        numberCell(r.gainToTarget, r.gainToTargetDisplay, 'index'),
        r.agency ? textCell(r.agency) : emptyCell('belum ditetapkan'),
      ],
    })),
    // The order is by a number the table does not print: say how it follows from two it does.
    ...(tableNote ? { note: tableNote } : {}),
  });
  if (f.provisional && f.provisional.missing.length > 0) {
    blocks.push(
      paragraph(
        b('Indikator yang belum dinilai: '),
        t(
          `${rangeProse(f.provisional.missing.map((m) => m.number))}. Penilaian indikator tersebut perlu ` +
            `diselesaikan lebih dahulu; rekomendasinya disusun setelah ${f.noun}nya diketahui.`,
        ),
      ),
    );
  }
  for (const r of f.recommendations) {
    blocks.push(heading(3, `${r.rank}. Indikator ${r.number} ${r.name}`), ...recommendation(f, r));
  }
  return blocks;
}

/**
 * For a value converted from another agency's index, what that index must reach: the team
 * raises the index (SDI, SJIG, IPS), not the value itself. "" otherwise.
 */
function externalTargetText(f: Facts, r: RecommendationFact): string {
  const source = f.indicators.find((i) => i.number === r.number)?.externalInput;
  const external = findIndicator(f.pack, r.number)?.indicator.externalIndex;
  if (!source || !external) return '';
  const needed = externalInputFor(external, r.targetLevel);
  if (needed === null) return '';
  return (
    ` Nilai indikator ini dikonversi dari ${externalSourceText(source)}; target ${f.noun} ` +
    `${r.targetDisplay} tercapai bila ${external.shortName} mencapai ${formatExternalInput(needed)}.`
  );
}

/**
 * One recommendation: the value now and the target, then every level step up to the target with
 * its criteria and expected evidence, the documents the team already has for the indicator, the
 * regional articles mapped to it, and who is responsible.
 */
function recommendation(f: Facts, r: RecommendationFact): Block[] {
  const { pack } = f;
  const ind = f.indicators.find((i) => i.number === r.number);
  const stepsText =
    r.steps.length > 1
      ? `${r.steps.length} langkah (tingkat ${joinList(r.steps.map((s) => String(s.level)))})`
      : `satu langkah (tingkat ${r.steps[0]?.level ?? r.nextLevel})`;
  const out: Block[] = [
    paragraph(
      t(
        // An awaited external index has reached nothing: its value is an assumption until entered.
        (ind?.awaitingExternal
          ? `Menunggu nilai indeks dari instansi sumbernya; sementara itu dihitung dengan nilai anggapan ${r.valueDisplay}`
          : `${f.decimal ? 'Nilai' : 'Tingkat'} saat ini ${r.valueDisplay} (${r.levelName})`) +
          `; target ${f.noun} ${r.targetDisplay}` +
          (f.decimal && ind?.gapDisplay ? `, masih ${ind.gapDisplay} di bawah target` : '') +
          `. Langkah yang diperlukan: ${stepsText}. Bila target tercapai, ` +
          `${pack.indexLabel} naik ${gainPhrase(r)}.` +
          externalTargetText(f, r),
      ),
    ),
  ];
  for (const step of r.steps) {
    out.push(
      paragraph(
        b(
          `Kriteria tingkat ${step.level} (${step.name}${f.decimal ? `, mulai ${step.floorDisplay}` : ''}): `,
        ),
        step.criteria ? t(step.criteria) : i('kriteria belum tersedia'),
      ),
    );
    if (step.guidance.length > 0) {
      out.push(
        paragraph(b(`Bukti dukung tingkat ${step.level} yang perlu disiapkan:`)),
        bullets(step.guidance.map((x) => [t(x)])),
      );
    }
  }
  if (r.fulfilment.length > 0) {
    out.push(
      paragraph(b(`Cara pemenuhan tingkat ${r.nextLevel}:`)),
      bullets(r.fulfilment.map((x) => [t(x)])),
    );
  }
  if (r.existingEvidence.length > 0) {
    out.push(
      paragraph(b('Bukti dukung yang telah dimiliki dan dapat dimanfaatkan:')),
      bullets(r.existingEvidence.map((x) => [t(x)])),
    );
  }
  if (r.regionalArticles.length > 0) {
    out.push(
      paragraph(b('Pasal peraturan daerah yang berkaitan: '), t(r.regionalArticles.join('; '))),
    );
  }
  out.push(
    paragraph(
      b('Penanggung jawab: '),
      t(
        r.agency ||
          `belum ditetapkan dalam data evaluasi; perlu ditetapkan oleh ${coordinatorRoleName(pack)}.`,
      ),
    ),
  );
  return out;
}

/** Two names of one person, compared as the team compares names without a NIP (personKey). */
const samePerson = (a: string, b: string): boolean =>
  personKey({ nip: '', name: a }) === personKey({ nip: '', name: b });

/**
 * The coordinator (Sekretaris Daerah; the pack names the role) and the Ketua Tim Asesor Internal.
 * The team's coordinator signs when recorded, else the Sekretaris Daerah of the instansi profile; the
 * profile's NIP completes a coordinator recorded without one when both name the same person.
 */
export function signers(f: Facts): Signer[] {
  const instansi = f.input.snapshot.evaluation.instansi;
  const members = f.input.snapshot.members;
  const lead = members.find((m) => m.role === 'lead');
  const coordinator = members.find((m) => m.role === 'coordinator');
  const region = `${instansiKindLabel[instansi.kind].replace(/^Pemerintah\s+/, '')} ${instansi.regionName}`;
  const coordinatorNip = coordinator
    ? coordinator.nip ||
      (samePerson(coordinator.name, instansi.sekdaName) ? instansi.sekdaNip : '') ||
      null
    : null;
  return [
    {
      intro: 'Mengetahui,',
      caption: coordinatorRoleName(f.pack),
      position: coordinator?.position || `Sekretaris Daerah ${region}`,
      name: coordinator?.name || instansi.sekdaName || null,
      nip: coordinator ? coordinatorNip : instansi.sekdaNip || null,
    },
    {
      intro: `${f.place}, ${f.dateDisplay}`,
      caption: 'Ketua Tim Asesor Internal',
      position: lead?.position ?? '',
      name: lead?.name ?? null,
      nip: lead?.nip || null,
    },
  ];
}

/** The appendix's footnote for the names marked *: which values are assumed, and at what. */
function awaitingNote(f: Facts): string {
  const awaiting = f.indicators.filter((i) => i.awaitingExternal && i.level !== null);
  if (awaiting.length === 0) return '';
  const values = [...new Set(awaiting.map((i) => i.valueDisplay ?? ''))];
  return (
    `* Indikator ${rangeProse(awaiting.map((i) => i.number))} menunggu nilai eksternal; ` +
    `dihitung dengan nilai anggapan ${joinList(values)} sampai nilai sumbernya diisi.`
  );
}

/**
 * What the user should know before printing the signature page: a signer whose name will be a
 * blank line, and a coordinator in the team who is not the Sekretaris Daerah named in the
 * instansi profile (the page prints the team's).
 */
export function signatureNotes(f: Facts): string[] {
  const instansi = f.input.snapshot.evaluation.instansi;
  const members = f.input.snapshot.members;
  const coordinator = members.find((m) => m.role === 'coordinator');
  const role = coordinatorRoleName(f.pack);
  const notes: string[] = [];
  if (
    coordinator &&
    instansi.sekdaName.trim() &&
    !samePerson(coordinator.name, instansi.sekdaName)
  ) {
    notes.push(
      `Lembar pengesahan ditandatangani ${role} dari Tim Asesor Internal (${coordinator.name}), ` +
        `bukan Sekretaris Daerah yang tercatat di Profil Instansi (${instansi.sekdaName.trim()}). ` +
        'Bila keduanya orang yang sama, samakan penulisan namanya.',
    );
  }
  if (!coordinator && !instansi.sekdaName.trim()) {
    notes.push(
      `Nama ${role} (Sekretaris Daerah) belum diisi: lembar pengesahan mencetak garis kosong. ` +
        `Isi Nama Sekretaris Daerah di Profil Instansi atau tambahkan anggota tim berperan ${role}.`,
    );
  }
  if (!members.some((m) => m.role === 'lead')) {
    notes.push(
      'Ketua Tim Asesor Internal belum ditetapkan: lembar pengesahan mencetak garis kosong. ' +
        'Tetapkan anggota tim berperan Penanggung jawab.',
    );
  }
  return notes;
}

export function appendixBlocks(f: Facts, n: Numbering): Block[] {
  const { pack } = f;
  const blocks: Block[] = [
    { kind: 'pageBreak', orientation: 'landscape' },
    heading(2, 'Lampiran 1. Hasil Penilaian Setiap Indikator'),
    ...provisionalNotice(f),
  ];
  const rows: TableRow[] = [];
  let aspectId: string | null = null;
  for (const ind of f.indicators) {
    if (ind.aspect && ind.aspect.id !== aspectId) {
      aspectId = ind.aspect.id;
      rows.push({
        cells: [
          textCell(''),
          textCell(`${f.leafTier.label} ${ind.aspect.number} ${ind.aspect.name}`, true),
          ...Array.from({ length: 6 }, () => textCell('')),
        ],
        tone: 'group',
      });
    }
    const answered = ind.level !== null && ind.levelName !== null;
    const format = f.decimal ? 'index' : 'integer';
    const cells: Cell[] = [
      textCell(String(ind.number)),
      textCell(ind.name),
      answered
        ? f.decimal
          ? {
              kind: 'level',
              level: ind.level as number,
              name: ind.levelName as string,
              display: ind.valueDisplay ?? '',
            }
          : { kind: 'level', level: ind.level as number, name: ind.levelName as string }
        : emptyCell('belum dinilai'),
      answered
        ? textCell(
            ind.awaitingExternal
              ? // Marked, and said once under the table: the long words crowd a narrow column.
                `${ind.levelName as string}*`
              : (ind.levelName as string),
          )
        : emptyCell(),
      numberCell(ind.target, ind.targetDisplay, format),
      ind.gap !== null && ind.gapDisplay !== null
        ? numberCell(ind.gap, ind.gapDisplay, format)
        : emptyCell(),
      ind.justificationSummary ? textCell(ind.justificationSummary) : emptyCell(),
      ind.evidence.length > 0
        ? { kind: 'lines', lines: ind.evidence.map((e) => e.text) }
        : emptyCell('belum ada'),
    ];
    rows.push({
      cells,
      ...(ind.meetsTarget === false
        ? { tone: 'belowTarget' as const }
        : ind.meetsTarget === null
          ? { tone: 'missing' as const }
          : {}),
    });
  }
  blocks.push({
    kind: 'table',
    id: 'indicators',
    caption: n.table(
      `${f.decimal ? 'Nilai' : 'Tingkat'}, target, penjelasan, dan bukti dukung ${f.indicators.length} indikator`,
    ),
    columns: [
      { header: 'No', align: 'center', width: 0.5 },
      { header: 'Indikator', align: 'left', width: 3.2 },
      { header: f.decimal ? 'Nilai' : 'Tingkat', align: 'center', width: 1 },
      { header: 'Nama Tingkat', align: 'left', width: 1.3, keepWords: true },
      { header: 'Target', align: 'center', width: 0.9 },
      // Not "Selisih": the index table and the workbook sign Selisih as value less target.
      { header: 'Kekurangan', align: 'center', width: 1.1, keepWords: true },
      { header: 'Penjelasan (ringkas)', align: 'left', width: 3.6 },
      { header: 'Bukti Dukung', align: 'left', width: 3.8 },
    ],
    rows,
    note: [
      f.decimal
        ? 'Kekurangan adalah nilai yang masih diperlukan untuk mencapai target (0,00 bila target tercapai).'
        : 'Kekurangan adalah jumlah tingkat yang masih diperlukan untuk mencapai target (0 bila target tercapai).',
      awaitingNote(f),
    ]
      .filter(Boolean)
      .join(' '),
  });

  blocks.push(
    { kind: 'pageBreak', orientation: 'portrait' },
    heading(2, 'Lampiran 2. Tim Asesor Internal'),
  );
  if (f.team.length > 0) {
    blocks.push({
      kind: 'table',
      id: 'team',
      caption: n.table(`Susunan Tim Asesor Internal ${f.instansiName}`),
      columns: [
        { header: 'No', align: 'center', width: 0.5 },
        { header: 'Nama', align: 'left', width: 2.5 },
        { header: 'NIP', align: 'left', width: 2.7 },
        { header: 'Jabatan', align: 'left', width: 2.6 },
        { header: 'Peran', align: 'left', width: 1.6 },
        { header: 'Indikator', align: 'left', width: 1.2 },
      ],
      rows: f.team.map((m, i) => ({
        cells: [
          textCell(String(i + 1)),
          textCell(m.name),
          m.nip ? textCell(m.nip) : emptyCell(),
          m.position ? textCell(m.position) : emptyCell(),
          textCell(m.roleLabel),
          textCell(m.indicatorsText),
        ],
      })),
    });
  } else {
    blocks.push(paragraph(t('Susunan Tim Asesor Internal tidak tercatat dalam data evaluasi.')));
  }

  const h = f.headline;
  blocks.push(
    { kind: 'pageBreak', orientation: 'portrait' },
    heading(2, 'Lampiran 3. Berita Acara Penilaian Mandiri'),
    {
      kind: 'paragraph',
      align: 'center',
      content: [
        b(`BERITA ACARA PENILAIAN MANDIRI ${evaluationName(pack).toUpperCase()} TAHUN ${f.year}`),
      ],
    },
    {
      kind: 'paragraph',
      align: 'center',
      content: [t('Nomor: ........................................')],
    },
    paragraph(
      t(
        `Pada hari ini ${formatDateInWords(f.input.now)}, bertempat di ${f.place}, Tim Asesor Internal ` +
          `${f.instansiName} telah melaksanakan penilaian ` +
          `mandiri ${evaluationName(pack)} Tahun ${f.year} menurut ${pack.shortTitle} tentang ${pack.title}, dengan hasil ` +
          'sebagai berikut:',
      ),
    ),
    bullets([
      [t(`Indikator yang dinilai: ${f.result.answered} dari ${f.result.total}`)],
      [t(`${h.indexLabel}: `), b(h.display ?? 'belum dapat dihitung')],
      [t('Predikat: '), b(h.rating ?? '—')],
      [t(`Dokumen bukti dukung: ${f.evidence.length}`)],
      [
        t(
          `Indikator di bawah target ${f.noun} ${f.value(pack.targets.indicatorLevel)}: ${f.recommendations.length}`,
        ),
      ],
    ]),
    ...provisionalNotice(f),
    ...unverifiedNotice(f),
    paragraph(
      t(
        `Hasil penilaian mandiri ini disampaikan kepada ${f.headOfRegion} melalui Sekretaris Daerah untuk ` +
          'ditindaklanjuti. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
      ),
    ),
    { kind: 'signatures', signers: signers(f) },
  );
  return blocks;
}
