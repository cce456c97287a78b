/**
 * The history under an indicator's form reads values as the evaluation's pack writes them: on
 * Pemdi "Nilai" and 2,75 (not "Tingkat" and 2.75), butir statuses as words (not JSON); on
 * 59/2020 "Tingkat" and the level.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { ScoringForm } from '../../../renderer/src/features/scoring/scoring-form';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };

async function open(packId: string): Promise<void> {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
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
  await screen.findByRole('heading', { level: 2 });
}

/** Opens the history under the form. */
async function openHistory(): Promise<void> {
  await userEvent.click(screen.getByText('Riwayat perubahan indikator 1'));
}

/** The history's change rows, each as its cells' texts joined by " | ". */
async function historyRows(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'Riwayat perubahan' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '')
        .join(' | '),
    );
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('indicator history', () => {
  it('on Indeks Pemdi says Nilai with a decimal comma and butir statuses in words', async () => {
    await open('permenpanrb-8-2026');
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), '2,75');
    await userEvent.selectOptions(screen.getByLabelText(/^I1-L1-01/), 'diterima');
    await openHistory();
    await waitFor(async () => {
      const rows = await historyRows();
      expect(rows.some((r) => /Nilai \| .*2,75/.test(r))).toBe(true);
      expect(rows.some((r) => /I1-L1-01: Diterima/.test(r))).toBe(true);
      expect(rows.join('\n')).not.toMatch(/Tingkat|2\.75|\{/);
    });
  });

  it('on 59/2020 says Tingkat with the level', async () => {
    await open('permenpanrb-59-2020');
    await userEvent.click(screen.getByRole('radio', { name: /^Tingkat 3 — / }));
    await openHistory();
    await waitFor(async () => {
      const rows = await historyRows();
      expect(rows.some((r) => /Tingkat \| .*3/.test(r))).toBe(true);
    });
  });
});
