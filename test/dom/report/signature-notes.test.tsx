/**
 * The report screen says, before anything is printed, which signature of the signature page will
 * be a blank line and where to fill it in.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderReportPage } from './render-report';

beforeEach(resetDatabase);
afterEach(cleanup);

it('names the signatures that will print blank, with where to fill them in', async () => {
  // A new evaluation: no Sekretaris Daerah in its profile and no team yet.
  const id = await createEvaluation(sampleInput(), { id: 'm1' as MemberId, name: 'Siti Aminah' });
  renderReportPage(id);
  const note = await screen.findByRole('note', { name: 'Lembar pengesahan' });
  expect(
    within(note)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Nama Koordinator SPBE (Sekretaris Daerah) belum diisi: lembar pengesahan mencetak garis kosong. Isi Nama Sekretaris Daerah di Profil Instansi atau tambahkan anggota tim berperan Koordinator SPBE.',
    'Ketua Tim Asesor Internal belum ditetapkan: lembar pengesahan mencetak garis kosong. Tetapkan anggota tim berperan Penanggung jawab.',
  ]);
});
