/**
 * One regulation for several indicators, from the Bukti Dukung library ("Atur tautan"): the
 * dialog lists the indicators the document supports by number and name, links it to one more
 * after another (at the level the indicator's answer stands at, as on the indicator's page), and
 * lets go of one link while the document and its other links stay. The keyboard stays in the
 * dialog: on the choice after linking, on the next "Lepaskan" after letting go. Both packs.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, EvidenceId } from '../../../shared/assessment';
import { findIndicator, findPack, levelOfValue } from '../../../shared/instrument';
import { App } from '../../../renderer/src/app/app';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const actor = { id: null, name: 'Hendra Wijaya' };

afterEach(cleanup);

describe.each([
  ['permenpanrb-59-2020', 3],
  ['permenpanrb-8-2026', 3.5],
])('Atur tautan in the library (%s)', (packId, value) => {
  const pack = findPack(packId)!;
  let id: EvaluationId;
  let doc: EvidenceId;

  beforeEach(async () => {
    await resetDatabase();
    id = await createEvaluation(
      sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
      actor,
    );
    await saveAnswer(
      id,
      5,
      { value, justification: '', agency: '', status: 'draft', reviewNote: '' },
      actor,
    );
    const added = await addEvidenceFile(id, pdfFile('Perbup SPBE.pdf'), actor, {
      linkTo: { indicator: 1, levels: [1] },
    });
    if (!added.ok) throw new Error(added.message);
    doc = added.evidence.id;
    window.location.hash = `#/evaluasi/${id}/bukti`;
  });

  it('links one document to more indicators and lets one go, keeping the rest', async () => {
    const level = levelOfValue(pack, findIndicator(pack, 5)!.scale, value)!.level;
    const name = (n: number) => findIndicator(pack, n)!.indicator.name;
    render(<App platform={testPlatform().platform} />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Atur tautan indikator Perbup SPBE.pdf' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Indikator yang didukung: Perbup SPBE',
    });
    const list = within(dialog).getByRole('list', { name: 'Indikator yang didukung' });
    expect(within(list).getByRole('link', { name: `Indikator 1. ${name(1)}` })).toBeVisible();
    const choice = within(dialog).getByLabelText('Tautkan ke indikator');
    expect(choice).toHaveFocus();
    const linkButton = within(dialog).getByRole('button', { name: 'Tautkan' });

    await user.selectOptions(choice, `5. ${name(5)}`);
    await user.click(linkButton);
    expect(
      await screen.findByText(
        `"Perbup SPBE" ditautkan ke indikator 5 (mendukung tingkat ${level}).`,
      ),
    ).toBeVisible();
    await waitFor(() => expect(choice).toHaveFocus());
    await user.selectOptions(choice, `7. ${name(7)}`);
    await user.click(linkButton);
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    // An indicator already linked is not offered again.
    expect(within(choice).queryByRole('option', { name: `5. ${name(5)}` })).toBeNull();
    const five = (await db.links.where('evidenceId').equals(doc).toArray()).find(
      (l) => l.indicator === 5,
    );
    expect(five?.levels).toEqual([level]);

    await user.click(within(list).getByRole('button', { name: 'Lepaskan dari indikator 5' }));
    expect(
      await screen.findByText(
        'Tautan "Perbup SPBE" ke indikator 5 dilepas. Dokumen tetap ada di pustaka dan tetap tertaut ke indikator 1, 7.',
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(within(list).getByRole('button', { name: 'Lepaskan dari indikator 7' })).toHaveFocus(),
    );
    expect(
      (await db.links.where('evidenceId').equals(doc).toArray()).map((l) => l.indicator).sort(),
    ).toEqual([1, 7]);
    expect(await db.evidence.get(doc)).toBeDefined();

    await user.click(within(dialog).getByRole('button', { name: 'Selesai' }));
    const again = screen.getByRole('button', { name: 'Atur tautan indikator Perbup SPBE.pdf' });
    await waitFor(() => expect(again).toHaveFocus());
    expect(again.closest('td')).toHaveTextContent(/^1, 7/);
  });
});
