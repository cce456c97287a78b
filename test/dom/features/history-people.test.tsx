/**
 * Riwayat's "Oleh" filter lists people as an Indonesian reader looks for them: alphabetically
 * regardless of case ("dr. Ani" among the d's, not after "Zaki").
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { HistoryPage } from '../../../renderer/src/features/history/history-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the "Oleh" filter of Riwayat', () => {
  it('sorts names alphabetically, case aside', async () => {
    const id = await createEvaluation(sampleInput(), { id: null, name: 'Zaki' });
    const names = ['dr. Ani Lestari', 'budi', 'Citra'];
    for (const [i, name] of names.entries()) {
      await db.audit.add({
        id: `catatan-${i}`,
        evaluationId: id,
        at: Date.UTC(2026, 10, 22, 7, i),
        actor: null,
        actorName: name,
        entity: 'evaluation',
        action: 'update',
        indicator: null,
        field: 'year',
        oldValue: '2025',
        newValue: '2026',
        note: '',
      });
    }
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={id}>
            <HistoryPage />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    await screen.findByRole('table', { name: 'Riwayat perubahan' });
    const options = within(screen.getByLabelText('Oleh'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Semua', 'budi', 'Citra', 'dr. Ani Lestari', 'Zaki']);
  });
});
