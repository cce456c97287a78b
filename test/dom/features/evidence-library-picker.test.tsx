/**
 * "Tautkan dokumen dari pustaka" on an indicator's page with a library of many documents: the
 * user narrows the choice list by typing ("Cari dokumen": title, file name, number, kind)
 * instead of scrolling through every title; a search that leaves one document chooses it.
 * Both instruments (59/2020, Pemdi 8/2026).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  addEvidenceFiles,
  updateEvidenceMetadata,
} from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { ScoringForm } from '../../../renderer/src/features/scoring/scoring-form';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };

beforeEach(resetDatabase);
afterEach(cleanup);

/** An evaluation whose library holds 40 documents, among them Perwali Nomor 12 Tahun 2025. */
async function libraryOf40(packId: string) {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  const files = Array.from({ length: 39 }, (_, i) =>
    pdfFile(`notulen_rapat_${i + 1}.pdf`, `Notulen ${i + 1}`),
  );
  files.push(pdfFile('scan_0012.pdf', 'Perwali SPBE'));
  const added = await addEvidenceFiles(id, files, actor);
  const perwali = added[39]?.ok ? added[39].evidence : undefined;
  if (!perwali) throw new Error('berkas uji tidak tersimpan');
  await updateEvidenceMetadata(
    perwali.id,
    {
      kind: 'perkada',
      title: 'Perwali tentang Sistem Pemerintahan Berbasis Elektronik',
      number: '12 Tahun 2025',
      documentDate: null,
      description: '',
    },
    actor,
  );
  const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <WorkspaceProvider id={id}>
        <ScoringForm number={1} />
      </WorkspaceProvider>
    </PlatformContext.Provider>,
  );
  return { id, perwali };
}

for (const packId of ['permenpanrb-59-2020', 'permenpanrb-8-2026']) {
  it(`narrows the library by typing and links the one found (${packId})`, async () => {
    const { id, perwali } = await libraryOf40(packId);
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Bukti dukung indikator 1' });
    const search = await within(section).findByRole('searchbox', { name: 'Cari dokumen' });
    const choices = within(section).getByRole('combobox', { name: 'Tautkan dokumen dari pustaka' });
    expect(within(choices).getAllByRole('option')).toHaveLength(41);

    // Words in any order and case, over title, number and kind.
    await user.type(search, 'perwali 12 2025');
    expect(
      within(choices)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '— pilih dokumen —',
      'Perwali tentang Sistem Pemerintahan Berbasis Elektronik, Nomor 12 Tahun 2025',
    ]);
    expect(search).toHaveAccessibleDescription(
      'Menampilkan 1 dari 40 dokumen yang belum ditautkan ke indikator ini.',
    );
    // The one document left is chosen: Enter in the search field links it.
    expect(choices).toHaveValue(perwali.id);
    expect(within(section).getByRole('button', { name: 'Tautkan' })).toBeEnabled();
    await user.keyboard('{Enter}');
    await waitFor(async () =>
      expect(await db.links.where('evaluationId').equals(id).toArray()).toMatchObject([
        { indicator: 1, evidenceId: perwali.id },
      ]),
    );
    const list = within(section).getByRole('list', { name: 'Dokumen tertaut' });
    await waitFor(() =>
      expect(document.activeElement?.closest('li')).toHaveTextContent(/^Perwali/),
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    // The search is cleared for the next document; the linked one has left the list.
    expect(search).toHaveValue('');
    expect(within(choices).getAllByRole('option')).toHaveLength(40);

    // By file name, several matches: nothing is chosen until the user picks one.
    await user.type(search, 'NOTULEN_RAPAT_1');
    expect(search).toHaveAccessibleDescription(
      'Menampilkan 11 dari 39 dokumen yang belum ditautkan ke indikator ini.',
    );
    expect(within(section).getByRole('button', { name: 'Tautkan' })).toBeDisabled();

    await user.clear(search);
    await user.type(search, 'perwalikota');
    expect(
      within(choices)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['— tidak ada dokumen yang cocok —']);
    expect(search).toHaveAccessibleDescription(
      'Tidak ada dokumen yang cocok dengan "perwalikota". Periksa ejaannya atau hapus sebagian kata pencarian.',
    );
    expect(within(section).getByRole('button', { name: 'Tautkan' })).toBeDisabled();
  });
}

it('keeps a long title inside the card: the choice list takes the free width, no more', async () => {
  // The app's stylesheets, cascaded by jsdom (it lays nothing out, but computes the rules). A
  // closed <select> is as wide as its longest title unless told otherwise: at 1280×720 the list
  // ran past the card's right edge.
  const style = document.createElement('style');
  style.textContent = ['renderer/src/styles.css', 'renderer/src/features/evidence/evidence.css']
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  document.head.append(style);
  try {
    await libraryOf40('permenpanrb-8-2026');
    const choices = await screen.findByRole('combobox', { name: 'Tautkan dokumen dari pustaka' });
    expect(getComputedStyle(choices).width).toBe('100%');
    expect(getComputedStyle(choices).minWidth).toBe('0px');
    const field = getComputedStyle(choices.parentElement!);
    expect(field.minWidth).toBe('0px');
    expect(field.flexGrow).toBe('1');
  } finally {
    style.remove();
  }
});
