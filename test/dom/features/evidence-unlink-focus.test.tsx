/**
 * Linking a document from the library and letting one go keep the keyboard user in the evidence
 * section: "Tautkan" disabled itself (or left with the last unlinked document) and "Lepaskan"
 * left with its row, and both times the focus fell to <body>, the top of the window.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFiles, linkEvidence } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { ScoringForm } from '../../../renderer/src/features/scoring/scoring-form';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };

beforeEach(resetDatabase);
afterEach(cleanup);

it('the focus goes to the linked row, then to the next "Lepaskan", then to "Tambah berkas…"', async () => {
  const pack = findPack('permenpanrb-8-2026')!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  const added = await addEvidenceFiles(
    id,
    [pdfFile('rpjmd.pdf', 'RPJMD'), pdfFile('perwal.pdf', 'Perwal')],
    actor,
  );
  const rpjmd = added[0]?.ok ? added[0].evidence : undefined;
  if (!rpjmd) throw new Error('berkas uji tidak tersimpan');
  await linkEvidence(id, rpjmd.id, 1, [], '', actor);
  const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <WorkspaceProvider id={id}>
        <ScoringForm number={1} />
      </WorkspaceProvider>
    </PlatformContext.Provider>,
  );
  const user = userEvent.setup();
  const section = await screen.findByRole('region', { name: 'Bukti dukung indikator 1' });
  const list = await within(section).findByRole('list', { name: 'Dokumen tertaut' });

  // The library's last unlinked document: its form leaves once it is linked.
  const library = await within(section).findByLabelText('Tautkan dokumen dari pustaka');
  await user.selectOptions(library, within(library).getByRole('option', { name: /perwal/ }));
  within(section).getByRole('button', { name: 'Tautkan' }).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  await waitFor(() => expect(document.activeElement?.closest('li')).toHaveTextContent(/^perwal/));

  const unlinkRpjmd = within(list).getByRole('button', { name: /^Lepaskan rpjmd\.pdf/ });
  unlinkRpjmd.focus();
  await user.keyboard('{Enter}');
  const unlinkPerwal = within(list).getByRole('button', { name: /^Lepaskan perwal\.pdf/ });
  await waitFor(() => expect(unlinkPerwal).toHaveFocus());
  expect(await db.links.where('evaluationId').equals(id).count()).toBe(1);

  await user.keyboard('{Enter}');
  await waitFor(() =>
    expect(within(section).getByRole('button', { name: 'Tambah berkas…' })).toHaveFocus(),
  );
  expect(await db.links.where('evaluationId').equals(id).count()).toBe(0);
});
