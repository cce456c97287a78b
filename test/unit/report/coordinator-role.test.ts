/**
 * The Sekretaris Daerah's role is named by the evaluation's pack: "Koordinator Pemdi" on
 * PermenPANRB 8/2026 (its reference's process.roles), "Koordinator SPBE" on 59/2020, in the
 * report, its signature page and notes, the team's role labels and the Berita Acara.
 */
import { describe, expect, it } from 'vitest';
import { memberRoleLabel, type EvaluationSnapshot } from '../../../shared/assessment';
import { coordinatorRoleName, findPack, type InstrumentPack } from '../../../shared/instrument';
import { buildReport, type ReportModel } from '../../../shared/report';
import { NOW, fixture } from './helpers';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

function model(pack: InstrumentPack, name: string, change?: (s: EvaluationSnapshot) => void) {
  const snapshot = fixture(name);
  change?.(snapshot);
  return buildReport({ snapshot, pack, previous: [], now: NOW });
}

const signers = (m: ReportModel) =>
  m.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'signatures' ? b.signers : []));

/** Every text of the model, as one string. */
const textOf = (m: ReportModel): string => JSON.stringify(m.sections);

const withoutAgency = (s: EvaluationSnapshot): void => {
  for (const a of s.answers) a.agency = '';
};

describe('the coordinator role is a fact of the pack', () => {
  it('names it with its source and confidence', () => {
    expect(spbe.roles?.coordinator).toMatchObject({ name: 'Koordinator SPBE', confidence: 'high' });
    expect(spbe.roles?.coordinator.source).toContain('Peraturan Presiden Nomor 95 Tahun 2018');
    expect(spbe.roles?.coordinator.source).toContain('Peraturan Menteri PANRB Nomor 59 Tahun 2020');
    expect(pemdi.roles?.coordinator).toMatchObject({
      name: 'Koordinator Pemdi',
      confidence: 'medium',
    });
    expect(pemdi.roles?.coordinator.source).toContain('edukasi-pemdi-permenpanrb-8-2026');
    expect(coordinatorRoleName({})).toBe('Koordinator');
  });

  it('gives the team its role labels, keeping the others', () => {
    expect(memberRoleLabel(pemdi, 'coordinator')).toBe('Koordinator Pemdi');
    expect(memberRoleLabel(spbe, 'coordinator')).toBe('Koordinator SPBE');
    expect(memberRoleLabel(pemdi, 'lead')).toBe('Penanggung jawab');
    expect(memberRoleLabel(spbe, 'dataEntry')).toBe('Pelaksana entri data');
  });
});

describe('a Pemdi report', () => {
  it('says Koordinator Pemdi wherever it names the Sekda’s role, never Koordinator SPBE', () => {
    const m = model(pemdi, 'pemdi-2026', withoutAgency);
    const text = textOf(m);
    expect(text).toContain('melalui Sekretaris Daerah selaku Koordinator Pemdi sebagai bahan');
    expect(text).toContain('melalui Sekretaris Daerah selaku Koordinator Pemdi dalam menetapkan');
    expect(text).toContain('perlu ditetapkan oleh Koordinator Pemdi.');
    expect(text).toContain('1 koordinator Pemdi');
    expect(signers(m)[0]).toMatchObject({ caption: 'Koordinator Pemdi' });
    expect(m.data.team.find((t) => t.role === 'coordinator')?.roleLabel).toBe('Koordinator Pemdi');
    expect(text).not.toContain('Koordinator SPBE');
  });

  it('names Koordinator Pemdi in the notes on its signature page', () => {
    const m = model(pemdi, 'pemdi-2026', (s) => {
      s.members = s.members.filter((x) => x.role !== 'coordinator');
      s.evaluation.instansi.sekdaName = '';
    });
    expect(m.signatureNotes[0]).toBe(
      'Nama Koordinator Pemdi (Sekretaris Daerah) belum diisi: lembar pengesahan mencetak garis kosong. Isi Nama Sekretaris Daerah di Profil Instansi atau tambahkan anggota tim berperan Koordinator Pemdi.',
    );
  });
});

describe('a 59/2020 report', () => {
  it('still says Koordinator SPBE, word for word', () => {
    const m = model(spbe, 'balikpapan-2026', withoutAgency);
    const text = textOf(m);
    expect(text).toContain('melalui Sekretaris Daerah selaku Koordinator SPBE sebagai bahan');
    expect(text).toContain('melalui Sekretaris Daerah selaku Koordinator SPBE dalam menetapkan');
    expect(text).toContain('perlu ditetapkan oleh Koordinator SPBE.');
    expect(text).toContain('1 koordinator SPBE');
    expect(signers(m)[0]).toMatchObject({ caption: 'Koordinator SPBE' });
    expect(m.data.team.find((t) => t.role === 'coordinator')?.roleLabel).toBe('Koordinator SPBE');
    expect(text).not.toContain('Koordinator Pemdi');
  });
});
