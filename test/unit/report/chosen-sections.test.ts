/**
 * A report of some chapters only (the report screen's "Bagian laporan"): its text sends the
 * reader to no chapter it does not have ("diuraikan dalam bab Rekomendasi", "tercantum dalam
 * Lampiran"), and the whole report still does.
 */
import { describe, expect, it } from 'vitest';
import { findProfile, type Profile } from '../../../shared/profiles';
import {
  buildReport,
  plainText,
  reportProfileFromRegional,
  type Block,
  type ReportModel,
  type ReportSectionId,
} from '../../../shared/report';
import { NOW, fixture, pack } from './helpers';

const snapshot = fixture('balikpapan-2026');
const balikpapan = findProfile('kota-balikpapan') as Profile;

const model = (sections?: ReportSectionId[]): ReportModel =>
  buildReport({
    snapshot,
    pack,
    profile: reportProfileFromRegional(balikpapan, snapshot, pack),
    options: sections ? { sections } : undefined,
    now: NOW,
  });

function textOf(m: ReportModel): string {
  const of = (b: Block): string =>
    b.kind === 'paragraph'
      ? plainText(b.content)
      : b.kind === 'list'
        ? b.items.map(plainText).join('\n')
        : b.kind === 'notice'
          ? [b.title, plainText(b.content), ...(b.items ?? [])].join('\n')
          : '';
  return m.sections.flatMap((s) => s.blocks.map(of)).join('\n');
}

const REFERENCES = [
  'dalam bab Rekomendasi',
  'dalam bab Hasil Penilaian',
  'dalam bab Kekuatan dan Kelemahan',
  'tercantum dalam Lampiran',
];

describe('a report of some chapters', () => {
  it('the whole report points to its chapters', () => {
    const text = textOf(model());
    for (const r of REFERENCES) expect(text).toContain(r);
  });

  it('without Hasil Penilaian, Kekuatan dan Kelemahan, Rekomendasi and Lampiran points to none of them', () => {
    const text = textOf(model(['summary', 'methodology', 'conclusion', 'closing']));
    expect(text).toContain('Sebanyak');
    for (const r of REFERENCES) expect(text).not.toContain(r);
    expect(text).toMatch(/indikator masih di bawah target\./);
    expect(text).toMatch(/yang beranggotakan \d+ orang \([^)]*\)\./);
  });
});
