/** The cover, the executive summary and the legal basis of the report. */
import { coordinatorRoleName } from '../../instrument/roles';
import type { InstrumentPack } from '../../instrument/schema';
import { awaitingUncountedText } from '../../scoring/no-index';
import type { Facts } from '../facts';
import type { Block, CoverModel, Inline } from '../model';
import { joinList } from '../text';
import type { LocalRegulation } from '../input';
import {
  b,
  bullets,
  earlierRating,
  heading,
  indexValueText,
  numbered,
  paragraph,
  provisionalNotice,
  t,
  unverifiedNotice,
} from './blocks';
import { capitalized } from '../../format/text';

/** "Evaluasi SPBE" for 59/2020; the instrument's own name for others ("Evaluasi Kinerja …"). */
export function evaluationName(pack: InstrumentPack): string {
  return pack.indexLabel === 'Indeks SPBE' ? 'Evaluasi SPBE' : pack.title;
}

/**
 * What the evaluation measures, in its instrument's words: 59/2020 the "penerapan SPBE"; another
 * instrument the subject of its title ("Evaluasi Kinerja Pemerintah Digital" → "kinerja
 * Pemerintah Digital"). `full` spells it out, `short` as a running sentence names it, `of(x)`
 * says it of an instansi ("penerapan SPBE Pemerintah Kota X", "kinerja Pemerintah Digital di
 * lingkungan Pemerintah Kota X").
 */
export function evaluatedSubject(pack: InstrumentPack): {
  full: string;
  short: string;
  of: (instansi: string) => string;
} {
  if (pack.indexLabel === 'Indeks SPBE') {
    return {
      full: 'tingkat penerapan Sistem Pemerintahan Berbasis Elektronik',
      short: 'penerapan SPBE',
      of: (instansi) => `penerapan SPBE ${instansi}`,
    };
  }
  const title = pack.title.replace(/^(Pemantauan dan )?Evaluasi\s+/i, '').trim();
  // "Kinerja Pemerintah Digital" → "kinerja Pemerintah Digital"; an acronym stays as it is.
  const subject = /^\p{Lu}\p{Ll}/u.test(title)
    ? title.charAt(0).toLowerCase() + title.slice(1)
    : title;
  return {
    full: subject,
    short: subject,
    of: (instansi) => `${subject} di lingkungan ${instansi}`,
  };
}

export function reportTitle(year: number, pack: InstrumentPack): string {
  return `Laporan Hasil Penilaian Mandiri ${evaluationName(pack)} Tahun ${year}`;
}

export function coverBlocks(f: Facts): Block[] {
  const instansi = f.input.snapshot.evaluation.instansi;
  const addresseePhrases = [`Disampaikan kepada ${f.headOfRegion}`, 'melalui Sekretaris Daerah'];
  const cover: CoverModel = {
    title: reportTitle(f.year, f.pack),
    instansiName: f.instansiName,
    province: instansi.province ? `Provinsi ${instansi.province}` : '',
    logoHash: instansi.logoHash,
    addressee: addresseePhrases.join(' '),
    addresseePhrases,
    preparedBy: `Tim Asesor Internal ${f.instansiName}`,
    dateLine: `${f.place}, ${f.dateDisplay.replace(/^\d+\s+/, '')}`,
    provisionalMark: f.provisional ? f.provisional.label : null,
  };
  return [{ kind: 'cover', cover }];
}

/**
 * "Selain itu, 3 indikator menunggu nilai eksternal dan dihitung dengan nilai anggapan 1,00,
 * sehingga berada di bawah target.": the indicators whose value comes from another agency's
 * index, not yet entered (null when none).
 */
export function awaitingExternalText(f: Facts): string | null {
  const awaiting = f.indicators.filter((i) => i.awaitingExternal);
  if (awaiting.length === 0) return null;
  // Nothing assessed yet: the assumed value is not counted (shared/scoring/score.ts).
  if (!f.result.overall) return awaitingUncountedText(awaiting.length);
  const assumed = [...new Set(awaiting.map((i) => i.valueDisplay ?? ''))];
  const value = assumed.length === 1 && assumed[0] ? ` ${assumed[0]}` : '';
  const below = awaiting.filter((i) => i.meetsTarget === false).length;
  const base =
    `${f.result.answered > 0 ? 'Selain itu, ' : ''}${awaiting.length} indikator menunggu nilai ` +
    `eksternal dan dihitung dengan nilai anggapan${value}`;
  const text =
    below === 0
      ? `${base}.`
      : below === awaiting.length
        ? `${base}, sehingga ${awaiting.length > 1 ? 'seluruhnya ' : ''}berada di bawah target.`
        : `${base}; ${below} di antaranya berada di bawah target.`;
  return capitalized(text);
}

/** " (3 di antaranya menunggu nilai eksternal dan dihitung dengan nilai anggapan)", or "". */
export function awaitingAmongRecommendations(f: Facts): string {
  const awaiting = new Set(f.indicators.filter((i) => i.awaitingExternal).map((i) => i.number));
  const k = f.recommendations.filter((r) => awaiting.has(r.number)).length;
  return k > 0
    ? ` (${k} di antaranya menunggu nilai eksternal dan dihitung dengan nilai anggapan)`
    : '';
}

export function summaryBlocks(f: Facts): Block[] {
  const { pack, headline: h } = f;
  const blocks: Block[] = [...provisionalNotice(f)];
  const answered = f.result.answered;
  const scope =
    f.result.missing.length > 0
      ? `${answered} dari ${f.result.total} indikator`
      : `${f.result.total} indikator`;
  const intro: Inline[] = [
    t(
      `Tim Asesor Internal ${f.instansiName} telah melaksanakan penilaian mandiri ${evaluationName(pack)} ` +
        `Tahun ${f.year} terhadap ${scope} menurut instrumen ${pack.shortTitle} ` +
        `tentang ${pack.title}. `,
    ),
  ];
  if (h.display !== null && h.rating !== null) {
    intro.push(
      t(
        `Hasil penilaian mandiri tersebut, ${h.indexLabel} ${f.instansiName} Tahun ${f.year} adalah `,
      ),
      b(indexValueText(f)),
      t(' dengan predikat '),
      b(h.rating),
      t(f.provisional ? ` (${f.provisional.label})` : ''),
      // While external values are awaited the index counts them with an assumed value: say so,
      // or it would contradict "dihitung dari indikator yang sudah dinilai" above.
      t(f.indexBasis ? `; nilai tersebut sejauh ini dihitung dari ${f.indexBasis}.` : '.'),
    );
  } else {
    intro.push(t(`${h.indexLabel} belum dapat dihitung karena belum ada indikator yang dinilai.`));
  }
  blocks.push(paragraph(...intro));
  blocks.push(...unverifiedNotice(f));
  blocks.push(...verificationBlocks(f));

  const figures: { label: string; value: string; note?: string }[] = [
    {
      label: h.indexLabel,
      value: h.display ?? '—',
      ...(f.provisional ? { note: f.provisional.label } : {}),
    },
    { label: 'Predikat', value: h.rating ?? '—' },
    { label: 'Target', value: h.target.display, note: `predikat ${h.target.rating}` },
  ];
  const v = f.verification;
  if (v) figures.push({ label: 'Bobot didukung bukti', value: v.supportedShareDisplay });
  if (v?.lowered) {
    figures.push({
      label: 'Tanpa tingkat yang belum didukung bukti',
      value: v.lowered.display,
      note: `predikat ${v.lowered.rating}`,
    });
  }
  if (h.previous) {
    figures.push({
      label: `Tahun ${h.previous.year}`,
      value: h.previous.display,
      note: `predikat ${earlierRating(h.previous)}`,
    });
  }
  blocks.push({ kind: 'figures', items: figures });

  if (h.targetDifference && f.result.overall) {
    const diff = h.targetDifference;
    // The sentence says the direction; the amount is written without its sign.
    const amount = diff.display.replace(/^[+-]/, '');
    const target = `target ${h.indexLabel} ${h.target.display} (predikat ${h.target.rating})`;
    blocks.push(
      paragraph(
        t(
          !h.meetsTarget
            ? `Nilai tersebut masih ${amount} di bawah ${target}.`
            : diff.value > 0
              ? `Nilai tersebut telah memenuhi ${target} dan melampauinya sebesar ${amount}.`
              : `Nilai tersebut tepat memenuhi ${target}.`,
        ),
      ),
    );
    if (h.previous) {
      const change = f.difference(f.result.overall.exact, h.previous.value);
      const verb =
        change.value > 0
          ? `naik ${change.display.replace('+', '')}`
          : change.value < 0
            ? `turun ${change.display.replace('-', '')}`
            : 'tidak berubah';
      blocks.push(
        paragraph(
          t(
            `Dibandingkan dengan Tahun ${h.previous.year} (${h.indexLabel} ${h.previous.display}, predikat ${earlierRating(h.previous)}), ${h.indexLabel} ${verb}.`,
          ),
        ),
      );
    }
    const earlier = otherInstrumentSentence(f);
    if (earlier) blocks.push(paragraph(t(earlier)));
  }

  // Indicators awaiting an external index are counted with an assumed value but are not among
  // the assessed ones: counted apart, so that met + below = assessed.
  const assessed = f.indicators.filter((i) => !i.awaitingExternal);
  const met = assessed.filter((i) => i.meetsTarget === true).length;
  const below = assessed.filter((i) => i.meetsTarget === false).length;
  if (answered > 0) {
    const reached =
      met > 0
        ? `Sebanyak ${met} dari ${answered} indikator yang dinilai telah mencapai target ${f.noun} ${f.value(pack.targets.indicatorLevel)}`
        : `Belum ada indikator yang mencapai target ${f.noun} ${f.value(pack.targets.indicatorLevel)}`;
    blocks.push(
      paragraph(
        t(below > 0 ? `${reached}; ${below} indikator masih di bawah target.` : `${reached}.`),
      ),
    );
  }
  const awaiting = awaitingExternalText(f);
  if (awaiting) blocks.push(paragraph(t(awaiting)));

  const aspects = f.groups
    .filter((g) => g.tier === f.leafTier.id && g.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.number - b.number);
  const strongCount = Math.min(3, Math.ceil(aspects.length / 2));
  const strong = aspects.slice(0, strongCount);
  const weak = aspects.slice(strongCount).slice(-3).reverse();
  const item = (a: (typeof aspects)[number]): Inline[] => [
    t(`${f.leafTier.label} ${a.number} ${a.name}: `),
    b(a.display ?? '—'),
  ];
  // The strongest are ranked among these aspects only: one of them may still be below its target,
  // which a reader of "terkuat" would not guess (the difference as the results table works it).
  const strongItem = (a: (typeof aspects)[number]): Inline[] =>
    a.targetDifference && a.targetDifference.value < 0
      ? [...item(a), t(` (belum mencapai target ${a.targetDisplay})`)]
      : item(a);
  if (strong.length > 0) {
    blocks.push(heading(3, `${f.leafTier.label} terkuat`), bullets(strong.map(strongItem)));
  }
  if (weak.length > 0) {
    blocks.push(heading(3, `${f.leafTier.label} terlemah`), bullets(weak.map(item)));
  }

  if (f.recommendations.length > 0) {
    blocks.push(
      paragraph(
        t(
          `Rekomendasi disusun untuk ${f.recommendations.length} indikator yang berada di bawah target` +
            `${awaitingAmongRecommendations(f)}, ` +
            `diurutkan menurut kenaikan ${pack.indexLabel} per tingkat${f.decimal ? ' kematangan' : ''}. `,
        ),
        ...(f.whatIf ? [b(f.whatIf.sentence)] : []),
      ),
    );
  }
  return blocks;
}

/**
 * The status of the index, up front: a self-assessment still to be verified by the external
 * assessors, how much of it evidence backs, and the index if every unsupported claim were one
 * level lower. The unsupported claims are listed as risks.
 */
export function verificationBlocks(f: Facts): Block[] {
  const v = f.verification;
  if (!v) return [];
  return [
    {
      kind: 'notice',
      tone: 'info',
      title: 'Status verifikasi',
      content: [t(`${v.statement} ${v.sentence}`)],
      ...(v.unsupported.length > 0
        ? {
            items: v.unsupported.map(
              (u) =>
                `Indikator ${u.number} ${u.name}: ${f.noun} ${u.valueDisplay} (${u.levelName}), ` +
                (u.hasEvidence
                  ? `bukti dukung yang ditautkan tidak ditandai untuk ${f.noun} ini`
                  : 'belum ada bukti dukung'),
            ),
          }
        : {}),
    },
  ];
}

/** "Maksud dan Tujuan" and "Ruang Lingkup" of the Pendahuluan. */
function purposeAndScope(f: Facts): Block[] {
  const { pack } = f;
  const evaluation = f.input.snapshot.evaluation;
  const purposes = f.input.profile?.evaluationPurposes;
  const regulation = f.input.profile?.regulation;
  const region = evaluation.instansi.regionName;
  const subject = evaluatedSubject(pack);
  const blocks: Block[] = [
    heading(2, 'Maksud dan Tujuan'),
    paragraph(
      t(
        `Penilaian mandiri ini dimaksudkan untuk mengukur ${subject.full} ` +
          `di lingkungan ${f.instansiName} sebelum evaluasi oleh asesor eksternal, dan untuk ` +
          'menetapkan langkah peningkatan yang terukur.',
      ),
    ),
  ];
  if (purposes && purposes.items.length > 0) {
    const source = regulation
      ? `${purposes.article} ${regulationText(regulation, region)}`
      : purposes.article;
    blocks.push(paragraph(t(`Sesuai dengan ${source}, pemantauan dan evaluasi bertujuan untuk:`)), {
      kind: 'list',
      ordered: true,
      items: purposes.items.map((x, k) => [
        t(`${x}${k === purposes.items.length - 1 ? '.' : ';'}`),
      ]),
    });
  }
  const tiers = pack.tiers.map((x) => x.label.toLowerCase());
  blocks.push(
    heading(2, 'Ruang Lingkup'),
    paragraph(
      t(
        `Ruang lingkup penilaian adalah ${subject.of(f.instansiName)} Tahun ${f.year}, diukur dengan ` +
          `${f.indicators.length} indikator ${pack.shortTitle} yang dikelompokkan ke dalam ${joinList(tiers)}. ` +
          `Laporan ini memuat ${pack.indexLabel} dan predikatnya, kekuatan dan kelemahan setiap ` +
          `${f.leafTier.label.toLowerCase()}, rekomendasi untuk indikator di bawah target, serta kesimpulan.`,
      ),
    ),
  );
  return blocks;
}

/** National basis outside the instrument pack: the Perpres that establishes SPBE itself. */
const PERPRES_SPBE =
  'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik';

export function regulationText(regulation: LocalRegulation, evaluationRegion: string): string {
  const regionName = regulation.regionName ?? evaluationRegion;
  const kind = regulation.kind.includes(regionName)
    ? regulation.kind.trim()
    : `${regulation.kind.trim()} ${regionName}`;
  const number = regulation.number ? ` Nomor ${regulation.number}` : '';
  const year = regulation.year ? ` Tahun ${regulation.year}` : '';
  const title = regulation.title.trim();
  return `${kind}${number}${year}${title ? ` tentang ${title}` : ''}`;
}

export function legalBlocks(f: Facts): Block[] {
  const region = f.input.snapshot.evaluation.instansi.regionName;
  const items = [
    PERPRES_SPBE,
    ...f.pack.legalBasis.map(
      (l) => `${l.kind} Nomor ${l.number} Tahun ${l.year} tentang ${l.title}`,
    ),
  ];
  const regulation = f.input.profile?.regulation;
  if (regulation) items.push(regulationText(regulation, region));
  const blocks: Block[] = [
    heading(2, 'Dasar Hukum'),
    paragraph(
      t(
        `Penilaian mandiri ${evaluationName(f.pack)} ${f.instansiName} Tahun ${f.year} berlandaskan:`,
      ),
    ),
    numbered(items.map((text, i) => [t(`${text}${i === items.length - 1 ? '.' : ';'}`)])),
  ];
  const article = f.input.profile?.evaluationArticle;
  if (article && regulation) {
    blocks.push(
      paragraph(t(`${article.article} ${regulationText(regulation, region)} menyatakan: `), {
        text: `“${article.text.trim()}”`,
        italic: true,
      }),
    );
  }
  blocks.push(
    paragraph(
      t(
        `Laporan ini disampaikan kepada ${f.headOfRegion} melalui Sekretaris Daerah selaku ` +
          `${coordinatorRoleName(f.pack)} sebagai bahan penetapan langkah peningkatan ${evaluatedSubject(f.pack).short} di lingkungan ${f.instansiName}.`,
      ),
    ),
  );
  blocks.push(...purposeAndScope(f));
  return blocks;
}

/**
 * The first year on this instrument after years on another (Pemdi 2026 after 59/2020 up to
 * 2025): last year's index is on another scale, so the reader is told what it was and that it is
 * not compared, where a reader would otherwise set 2,86 beside 2,55 and read a fall. Null when an
 * earlier year on this instrument is compared instead, or when there is no earlier year.
 */
export function otherInstrumentSentence(f: Facts): string | null {
  if (f.history.length > 0 || f.headline.display === null) return null;
  const last = [...f.otherHistory].reverse().find((p) => p.overall !== null && p.instrument);
  if (!last?.overall || !last.instrument) return null;
  return (
    `Tahun ${last.year} dinilai dengan ${last.instrument.shortTitle} (${last.instrument.indexLabel} ` +
    `${last.overall.display}, predikat ${earlierRating(last.overall)}). Karena instrumen dan skalanya berbeda, ` +
    `${f.headline.indexLabel} Tahun ${f.year} tidak dapat dibandingkan langsung dengan nilai tersebut ` +
    `dan menjadi dasar perbandingan untuk tahun berikutnya.`
  );
}
