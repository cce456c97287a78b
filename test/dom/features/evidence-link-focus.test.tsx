/**
 * Ticking what a linked document supports keeps the user where they are. The row was keyed by
 * the stored levels, note and butir, so each tick remounted it: the focus fell to <body> (a
 * keyboard user started again at the top of the window) and "Menjawab butir" closed after every
 * butir.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { findIndicator, findPack } from '../../../shared/instrument';
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
const PEMDI = 'permenpanrb-8-2026';
const FILE = 'rpjmd.pdf';

async function openWithDocument(): Promise<EvaluationId> {
  const pack = findPack(PEMDI)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  const [added] = await addEvidenceFiles(id, [pdfFile(FILE)], actor);
  if (!added?.ok) throw new Error('berkas uji tidak tersimpan');
  await linkEvidence(id, added.evidence.id, 1, [], '', actor);
  const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <WorkspaceProvider id={id}>
        <ScoringForm number={1} />
      </WorkspaceProvider>
    </PlatformContext.Provider>,
  );
  await screen.findByRole('heading', { level: 2 });
  return id;
}

const storedLink = (id: EvaluationId) => db.links.where('evaluationId').equals(id).first();

beforeEach(resetDatabase);
afterEach(cleanup);

it('Space on a "mendukung tingkat" check saves it and keeps the focus on that check', async () => {
  const id = await openWithDocument();
  const user = userEvent.setup();
  const two = await screen.findByRole('checkbox', { name: `${FILE} mendukung tingkat 2` });
  two.focus();
  await user.keyboard(' ');
  await waitFor(async () => expect((await storedLink(id))?.levels).toEqual([2]));
  const three = screen.getByRole('checkbox', { name: `${FILE} mendukung tingkat 3` });
  expect(two).toBeChecked();
  expect(two).toHaveFocus();
  await user.tab();
  expect(three).toHaveFocus();
});

it('ticking a butir keeps "Menjawab butir" open and the focus on the butir', async () => {
  const id = await openWithDocument();
  const user = userEvent.setup();
  const butir = findIndicator(findPack(PEMDI)!, 1)!.indicator.levels.filter(
    (l) => l.butir.length > 0,
  );
  const [first, second] = butir.flatMap((l) => l.butir).map((b) => b.code);
  await user.click(await screen.findByText('Menjawab butir'));
  const box = screen.getByRole('checkbox', { name: `${FILE} menjawab butir ${first}` });
  await user.click(box);
  await waitFor(async () => expect((await storedLink(id))?.butir).toEqual([first]));
  expect(box).toHaveFocus();
  expect(box.closest('details')).toHaveAttribute('open');
  await user.click(screen.getByRole('checkbox', { name: `${FILE} menjawab butir ${second}` }));
  await waitFor(async () => expect((await storedLink(id))?.butir).toEqual([first, second]));
});
