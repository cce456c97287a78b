/**
 * The merge screen's file list names each file's index and predikat. Where the two-decimal index
 * hides the side of a predikat bound (2,4955 shown 2,50, yet Cukup: the pack reads the exact
 * value), the exact index is said, as the dashboard and the report say it.
 */
import { cleanup, screen, within } from '@testing-library/react';
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

describe('a Pemdi file whose index is 2,4955', () => {
  it('reads "2,50 (Cukup; tepatnya 2,4955)" in the list of files', async () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    const base = makeFixture({ seed: 91, evaluationId: 'eval-pemdi', levels: {} });
    base.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
    await insertSnapshot(base.snapshot);
    // Every indicator at 2,50 but 2, 19 and 20 at 2,49, 2,49 and 2,48: Indeks Pemdi 2,4955.
    const levels = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [i + 1, { 2: 2.49, 19: 2.49, 20: 2.48 }[i + 1] ?? 2.5]),
    );
    const file = makeFixture({ seed: 92, evaluationId: 'eval-pemdi', levels });
    file.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
    const m = memorySink();
    await writeBundle(
      m.sink,
      { ...writeInput(file, 'Siti Aisyah'), pack: pemdi },
      { includeEvidence: false },
    );
    handOverForMerge('eval-pemdi' as EvaluationId, [await openBundle(m.blob(), 'siti.spbe')]);

    renderMergePage();
    const files = await screen.findByRole('table', { name: 'Berkas yang akan digabung' });
    const row = within(files).getByText('siti.spbe').closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('2,50 (Cukup; tepatnya 2,4955)');
  });
});
