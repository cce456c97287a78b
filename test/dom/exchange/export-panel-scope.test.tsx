/**
 * The export form as an assessor sending "only my indicators" to the coordinator: it says which
 * of their indicators are still unanswered before they send, and the evidence line counts the
 * documents that file will carry (those linked to their indicators), not the whole library.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFiles } from '../../../renderer/src/db/commands/evidence';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { ExportPanel } from '../../../renderer/src/features/exchange/export-panel';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: null, name: 'Hendra Gunawan' };
const platform = { kind: 'web' } as unknown as Platform;

async function openAsSiti() {
  const pemdi = findPack('permenpanrb-8-2026')!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
    actor,
  );
  const siti = await addMember(
    id,
    { name: 'Siti Aisyah', nip: '', position: '', role: 'member', indicators: [1, 2, 3, 4, 9] },
    actor,
  );
  await setCurrentMember(id, siti.id);
  const me = { id: siti.id as MemberId, name: 'Siti Aisyah' };
  for (const n of [1, 2, 3])
    await saveAnswer(
      id,
      n,
      { value: 2.5, justification: 'Ada.', agency: '', status: 'draft', reviewNote: '' },
      me,
    );
  // One document on her indicator 1, another (larger) on indicator 12, not hers.
  await addEvidenceFiles(id, [pdfFile('perbup-spbe.pdf')], me, {
    linkTo: { indicator: 1, levels: [2] },
  });
  await addEvidenceFiles(id, [pdfFile('laporan-audit.pdf', 'x'.repeat(5000))], me, {
    linkTo: { indicator: 12, levels: [2] },
  });
  render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <WorkspaceProvider id={id}>
          <ExportPanel />
        </WorkspaceProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
  return { user: userEvent.setup() };
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('export of "only my indicators"', () => {
  it('names the assigned indicators still unanswered', async () => {
    await openAsSiti();
    const mine = await screen.findByRole('radio', { name: 'Hanya indikator saya' });
    expect(mine).toHaveAccessibleDescription(
      'Indikator tugas Siti Aisyah: 1–4 dan 9; belum dijawab: indikator 4 dan 9.',
    );
  });

  it('counts the documents the file will carry for the chosen scope', async () => {
    const { user } = await openAsSiti();
    const evidence = await screen.findByRole('checkbox', {
      name: 'Sertakan isi berkas bukti dukung',
    });
    expect(evidence).toHaveAccessibleDescription(/^2 dokumen, /);
    await user.click(screen.getByRole('radio', { name: 'Hanya indikator saya' }));
    expect(evidence).toHaveAccessibleDescription(
      /^1 dokumen \(yang ditautkan ke indikator 1–4 dan 9\), \d+ B\. /,
    );
  });
});
