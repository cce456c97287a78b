/**
 * The chapters that frame the findings as the regulations ask: the Kesimpulan (the index and its
 * status, and an answer to each purpose the regional regulation sets for the evaluation, such as
 * Balikpapan Pasal 53 ayat (2) a–d) and the Penutup with the signature blocks of the Koordinator
 * SPBE and the Ketua Tim Asesor Internal. Purposes are read from the profile, never hard-coded:
 * a purpose naming indicators of the instrument ("Arsitektur SPBE", "Peta Rencana SPBE") is
 * answered with their levels; one on progress, problems or opportunities with the chapters that
 * hold them.
 */
import { answerStatusLabel } from '../../assessment';
import { coordinatorRoleName } from '../../instrument/roles';
import type { Facts } from '../facts';
import type { Block, IndicatorFact } from '../model';
import { joinList, rangeProse } from '../text';
import {
  bullets,
  earlierRating,
  hasSection,
  heading,
  indexValueText,
  paragraph,
  t,
} from './blocks';
import { gainPhrase, signers } from './closing';
import { evaluatedSubject, evaluationName, otherInstrumentSentence, regulationText } from './front';
import { capitalized } from '../../format/text';

const normalize = (s: string): string => s.toLocaleLowerCase('id-ID').replace(/\s+/g, ' ');

/** Subjects of the instrument a purpose names: "Arsitektur SPBE" in "… pelaksanaan Arsitektur SPBE …". */
function indicatorsNamedIn(f: Facts, text: string): IndicatorFact[] {
  const wanted = normalize(text);
  return f.indicators.filter((ind) => {
    // "Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah" → "arsitektur spbe".
    const subject = normalize(ind.name)
      .replace(/^tingkat kematangan\s+/, '')
      .replace(/^kebijakan internal\s+/, '')
      .replace(/\s+instansi pusat\/pemerintah daerah$/, '');
    return subject.length >= 8 && wanted.includes(subject);
  });
}

function levelLine(f: Facts, ind: IndicatorFact): string {
  if (ind.valueDisplay === null) return `Indikator ${ind.number} ${ind.name}: belum dinilai`;
  const support = ind.claimSupported === false ? '; belum didukung bukti untuk tingkat ini' : '';
  return `Indikator ${ind.number} ${ind.name}: ${f.noun} ${ind.valueDisplay} (${ind.levelName}), target ${ind.targetDisplay}${support}`;
}

/**
 * The answer to a purpose on the quality of the evaluation itself ("menjamin kualitas
 * pelaksanaan evaluasi"): how far the answers were verified within the team, what evidence backs
 * them, which values still lack it, and that the external assessors verify next; never the
 * index again, which says nothing about quality.
 */
function qualityAnswer(f: Facts): Block[] {
  const answered = f.indicators.filter((i) => i.value !== null && !i.awaitingExternal);
  const verified = answered.filter((i) => i.status === 'verified').length;
  const linked = new Set(f.evidence.flatMap((e) => e.indicators)).size;
  const unsupported = f.verification?.unsupported.map((u) => u.number) ?? [];
  const sentences = [
    answered.length === 0
      ? 'Belum ada jawaban yang dapat diverifikasi.'
      : verified === answered.length
        ? `Seluruh ${answered.length} jawaban telah diverifikasi oleh Tim Asesor Internal (status ${answerStatusLabel.verified}).`
        : `${verified} dari ${answered.length} jawaban telah diverifikasi oleh Tim Asesor Internal (status ${answerStatusLabel.verified}); ${answered.length - verified} jawaban lainnya belum.`,
    (f.evidence.length === 0
      ? 'Belum ada dokumen bukti dukung yang ditautkan pada jawaban'
      : `Jawaban didukung ${f.evidence.length} dokumen bukti dukung yang ditautkan pada ${linked} indikator`) +
      (unsupported.length > 0
        ? `; ${f.noun} ${unsupported.length} indikator (${rangeProse(unsupported)}) belum didukung bukti untuk ${f.noun} yang diklaim.`
        : '.'),
    'Hasil penilaian mandiri ini selanjutnya diverifikasi oleh asesor eksternal.',
  ];
  return [paragraph(t(sentences.join(' ')))];
}

/** The answer to one lettered purpose of the regulation. */
function purposeAnswer(f: Facts, purpose: string): Block[] {
  const named = indicatorsNamedIn(f, purpose);
  if (named.length > 0) {
    return [
      paragraph(
        t(
          `Sejauh mana hal ini telah diterapkan ditunjukkan oleh ${named.length} indikator yang mengukurnya:`,
        ),
      ),
      bullets(named.map((ind) => [t(levelLine(f, ind))])),
    ];
  }
  const p = normalize(purpose);
  const h = f.headline;
  if (/peluang|saran perbaikan|perbaikan/.test(p)) {
    const top = f.recommendations.slice(0, 5);
    if (top.length === 0) {
      return [
        paragraph(
          t(
            f.result.answered > 0
              ? 'Seluruh indikator yang dinilai telah mencapai target.'
              : 'Belum ada indikator yang dinilai, sehingga peluang perbaikan belum dapat disusun.',
          ),
        ),
      ];
    }
    return [
      paragraph(
        t(
          `Peluang perbaikan terbesar, menurut kenaikan ${h.indexLabel} per langkah tingkat, terdapat pada ` +
            `indikator berikut${hasSection(f, 'recommendations') ? ' (uraian lengkap dalam bab Rekomendasi)' : ''}:`,
        ),
      ),
      bullets(
        top.map((r) => [
          t(
            `Indikator ${r.number} ${r.name}: dari ${r.valueDisplay} ke ${r.targetDisplay}, ` +
              `kenaikan ${h.indexLabel} ${gainPhrase(r)}`,
          ),
        ]),
      ),
    ];
  }
  if (/permasalahan|masalah|hambatan/.test(p)) {
    const below = f.indicators.filter((i) => i.meetsTarget === false).map((i) => i.number);
    const unsupported = f.verification?.unsupported.map((u) => u.number) ?? [];
    const parts: string[] = [];
    if (below.length > 0)
      parts.push(`${below.length} indikator di bawah target (${rangeProse(below)})`);
    if (unsupported.length > 0) {
      parts.push(
        `${unsupported.length} indikator yang ${f.noun}nya belum didukung bukti (${rangeProse(unsupported)})`,
      );
    }
    return [
      paragraph(
        t(
          parts.length > 0
            ? `Permasalahan yang teridentifikasi: ${joinList(parts)}${hasSection(f, 'findings') ? '; uraiannya terdapat dalam bab Kekuatan dan Kelemahan' : ''}.`
            : 'Tidak teridentifikasi indikator di bawah target maupun tingkat yang belum didukung bukti.',
        ),
      ),
    ];
  }
  if (/(kualitas|mutu) (pelaksanaan )?(pemantauan|evaluasi)/.test(p)) return qualityAnswer(f);
  if (h.display !== null && h.rating !== null) {
    const previous = h.previous
      ? ` (Tahun ${h.previous.year}: ${h.previous.display}, predikat ${earlierRating(h.previous)})`
      : '';
    const earlier = previous ? null : otherInstrumentSentence(f);
    return [
      paragraph(
        t(
          `${h.indexLabel} Tahun ${f.year} adalah ${indexValueText(f)} dengan predikat ${h.rating}${previous}; ` +
            `target ${h.target.display} (predikat ${h.target.rating}).` +
            (earlier ? ` ${earlier}` : '') +
            (hasSection(f, 'results')
              ? ` Uraian per ${f.leafTier.label.toLowerCase()} terdapat dalam bab Hasil Penilaian.`
              : ''),
        ),
      ),
    ];
  }
  return [paragraph(t(`${h.indexLabel} belum dapat dihitung.`))];
}

export function conclusionBlocks(f: Facts): Block[] {
  const h = f.headline;
  const blocks: Block[] = [];
  if (h.display !== null && h.rating !== null) {
    const sentences = [
      `Berdasarkan penilaian mandiri Tim Asesor Internal, ${h.indexLabel} ${f.instansiName} Tahun ${f.year} adalah ` +
        `${indexValueText(f)} dengan predikat ${h.rating}` +
        (f.provisional
          ? ` (${f.provisional.label}${f.indexBasis ? `, dihitung dari ${f.indexBasis}` : ''})`
          : '') +
        (h.meetsTarget ? ', memenuhi target' : ', belum memenuhi target') +
        ` ${h.target.display} (predikat ${h.target.rating}).`,
    ];
    if (f.verification) sentences.push(f.verification.sentence);
    sentences.push(
      `Nilai ini masih akan diverifikasi oleh asesor eksternal; bukti dukung perlu dilengkapi sebelum verifikasi.`,
    );
    blocks.push(paragraph(t(sentences.join(' '))));
  } else {
    blocks.push(
      paragraph(t(`${h.indexLabel} belum dapat dihitung karena belum ada indikator yang dinilai.`)),
    );
  }
  if (f.recommendations.length > 0) {
    blocks.push(
      paragraph(
        t(
          `Sebanyak ${f.recommendations.length} indikator masih di bawah target` +
            (hasSection(f, 'recommendations')
              ? '; langkah peningkatannya diuraikan dalam bab Rekomendasi.'
              : '.'),
        ),
      ),
    );
  }
  const purposes = f.input.profile?.evaluationPurposes;
  const regulation = f.input.profile?.regulation;
  if (purposes && purposes.items.length > 0) {
    const region = f.input.snapshot.evaluation.instansi.regionName;
    const source = regulation
      ? `${purposes.article} ${regulationText(regulation, region)}`
      : purposes.article;
    blocks.push(
      heading(2, 'Capaian Tujuan Pemantauan dan Evaluasi'),
      paragraph(
        t(
          `Menurut ${source}, pemantauan dan evaluasi bertujuan untuk ${joinList(purposes.items)}. Capaian setiap tujuan:`,
        ),
      ),
    );
    purposes.items.forEach((item, k) => {
      const letter = String.fromCharCode(97 + k);
      blocks.push(heading(3, `${letter}. ${capitalized(item)}`), ...purposeAnswer(f, item));
    });
  }
  return blocks;
}

export function closingBlocks(f: Facts): Block[] {
  return [
    paragraph(
      t(
        `Demikian Laporan Hasil Penilaian Mandiri ${evaluationName(f.pack)} ${f.instansiName} Tahun ${f.year} ` +
          `ini disusun sebagai bahan bagi ${f.headOfRegion} melalui Sekretaris Daerah selaku ${coordinatorRoleName(f.pack)} ` +
          `dalam menetapkan langkah peningkatan ${evaluatedSubject(f.pack).short}. Hasil ini masih akan diverifikasi oleh asesor ` +
          'eksternal Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi.',
      ),
    ),
    { kind: 'signatures', signers: signers(f) },
  ];
}
