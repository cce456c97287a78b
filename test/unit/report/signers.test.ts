/**
 * The signature page's signers and what the report screen says about them before printing: the
 * team's Koordinator SPBE signs, completed by the profile's NIP when both name the same person;
 * a coordinator unlike the profile's Sekretaris Daerah, or a signer with no name, is said.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { buildReport, type ReportModel } from '../../../shared/report';
import { fixture, NOW, pack } from './helpers';

function modelOf(change: (s: EvaluationSnapshot) => void): ReportModel {
  const snapshot = fixture('balikpapan-2026');
  change(snapshot);
  return buildReport({ snapshot, pack, now: NOW });
}

const coordinatorSigner = (m: ReportModel) => {
  const block = m.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'signatures');
  return block?.kind === 'signatures' ? block.signers[0] : undefined;
};

const HENDRA = 'Drs. Hendra Wiratama, M.Si.';

describe('the signature page', () => {
  it('takes the NIP from the instansi profile when the coordinator recorded none is its Sekda', () => {
    const m = modelOf((s) => {
      s.members.find((x) => x.role === 'coordinator')!.nip = '';
      s.evaluation.instansi.sekdaName = ` drs. hendra  wiratama, m.si. `;
      s.evaluation.instansi.sekdaNip = '196805121994031007';
    });
    expect(coordinatorSigner(m)).toMatchObject({ name: HENDRA, nip: '196805121994031007' });
    expect(m.signatureNotes).toEqual([]);
  });

  it("does not lend the Sekda's NIP to another person", () => {
    const m = modelOf((s) => {
      s.members.find((x) => x.role === 'coordinator')!.nip = '';
      s.evaluation.instansi.sekdaName = 'Muhaimin, S.H.';
      s.evaluation.instansi.sekdaNip = '197001011995031001';
    });
    expect(coordinatorSigner(m)).toMatchObject({ name: HENDRA, nip: null });
    expect(m.signatureNotes).toEqual([
      `Lembar pengesahan ditandatangani Koordinator SPBE dari Tim Asesor Internal (${HENDRA}), bukan Sekretaris Daerah yang tercatat di Profil Instansi (Muhaimin, S.H.). Bila keduanya orang yang sama, samakan penulisan namanya.`,
    ]);
  });

  it('says which signature will be a blank line, and how to fill it', () => {
    const m = modelOf((s) => {
      s.members = s.members.filter((x) => x.role !== 'coordinator' && x.role !== 'lead');
      s.evaluation.instansi.sekdaName = '';
    });
    expect(coordinatorSigner(m)).toMatchObject({ name: null });
    expect(m.signatureNotes).toEqual([
      'Nama Koordinator SPBE (Sekretaris Daerah) belum diisi: lembar pengesahan mencetak garis kosong. Isi Nama Sekretaris Daerah di Profil Instansi atau tambahkan anggota tim berperan Koordinator SPBE.',
      'Ketua Tim Asesor Internal belum ditetapkan: lembar pengesahan mencetak garis kosong. Tetapkan anggota tim berperan Penanggung jawab.',
    ]);
  });

  it('says nothing when both signers are known', () => {
    expect(modelOf(() => undefined).signatureNotes).toEqual([]);
  });
});
