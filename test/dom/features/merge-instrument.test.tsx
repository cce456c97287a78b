/**
 * A file of another instrument on the merge screen: the alert names both instruments by their
 * titles (never the pack ids), says to take the file out, and offers "Keluarkan" for it right
 * there; taking it out clears the alert.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { insertSnapshot } from '../../../renderer/src/db/commands/store-snapshot';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => cleanup());

describe('a file of another instrument', () => {
  it('is named by its instrument title and can be taken out from the alert', async () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    // The coordinator's Pemdi evaluation is the base; Budi's file is a 59/2020 one.
    const base = makeFixture({ seed: 81, evaluationId: 'eval-pemdi', levels: {} });
    base.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
    await insertSnapshot(base.snapshot);
    const old = makeFixture({ seed: 82, evaluationId: 'eval-lama', levels: { 1: 3 } });
    const m = memorySink();
    await writeBundle(m.sink, writeInput(old, 'Budi Santoso'), { includeEvidence: false });
    handOverForMerge('eval-pemdi' as EvaluationId, [await openBundle(m.blob(), 'budi.spbe')]);

    renderMergePage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Berkas "budi.spbe" memakai instrumen PermenPANRB 59/2020, sedangkan penggabungan ini memakai PermenPANRB 8/2026. Hanya evaluasi dengan instrumen yang sama yang dapat digabung: keluarkan berkas tersebut dari penggabungan.',
    );
    expect(alert).not.toHaveTextContent('permenpanrb-');
    await userEvent
      .setup()
      .click(within(alert).getByRole('button', { name: 'Keluarkan budi.spbe dari penggabungan' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Berkas yang akan digabung' })).toBeNull();
  });
});
