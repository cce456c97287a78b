/**
 * Daftar Evaluasi narrowed to one instansi: the Sekda's staff of Balikpapan and of Belitung Timur
 * keep five years each, with copies and archived drafts; "Instansi" shows one region's rows.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluation, setArchived } from '../../../renderer/src/db/commands/evaluations';
import { actor } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderEvaluationList } from '../support/evaluation-list';

beforeEach(resetDatabase);
afterEach(cleanup);

const BALIKPAPAN = 'Pemerintah Kota Balikpapan';
const BELTIM = 'Pemerintah Kabupaten Belitung Timur';

async function evaluationOf(name: string, kind: 'kota' | 'kabupaten', year: number) {
  return createEvaluation(
    sampleInput({ year, instansi: { ...sampleInput().instansi, name, kind } }),
    actor,
  );
}

const instansiShown = (): string[] =>
  within(screen.getByRole('table', { name: 'Daftar evaluasi' }))
    .getAllByRole('link')
    .map((l) => l.textContent ?? '');

describe('Daftar Evaluasi of two instansi', () => {
  it('shows one instansi when chosen, with how many evaluations each has', async () => {
    for (const year of [2023, 2024, 2025]) await evaluationOf(BALIKPAPAN, 'kota', year);
    await evaluationOf(BELTIM, 'kabupaten', 2024);
    const draft = await evaluationOf(BELTIM, 'kabupaten', 2025);
    await setArchived(draft, true, actor);
    renderEvaluationList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    const filter = screen.getByRole('combobox', { name: 'Instansi' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Semua instansi (4 evaluasi)',
      `${BELTIM} (1 evaluasi)`,
      `${BALIKPAPAN} (3 evaluasi)`,
    ]);
    await userEvent.selectOptions(filter, `${BELTIM} (1 evaluasi)`);
    expect(instansiShown()).toEqual([BELTIM]);
    // The archived draft of the chosen instansi comes with "Tampilkan evaluasi yang diarsipkan".
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Tampilkan evaluasi yang diarsipkan/ }),
    );
    expect(instansiShown()).toEqual([BELTIM, BELTIM]);
    expect(screen.getByRole('combobox', { name: 'Instansi' })).toHaveDisplayValue(
      `${BELTIM} (2 evaluasi)`,
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Instansi' }),
      'Semua instansi (5 evaluasi)',
    );
    expect(instansiShown()).toHaveLength(5);
  });

  it('counts the archived evaluations of the chosen instansi beside "Tampilkan evaluasi yang diarsipkan"', async () => {
    await evaluationOf(BALIKPAPAN, 'kota', 2025);
    for (const year of [2023, 2024]) {
      await setArchived(await evaluationOf(BALIKPAPAN, 'kota', year), true, actor);
    }
    await evaluationOf(BELTIM, 'kabupaten', 2025);
    await setArchived(await evaluationOf(BELTIM, 'kabupaten', 2024), true, actor);
    renderEvaluationList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    const archivedBox = () =>
      screen.getByRole('checkbox', { name: /Tampilkan evaluasi yang diarsipkan/ });
    expect(archivedBox()).toHaveAccessibleName('Tampilkan evaluasi yang diarsipkan (3)');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Instansi' }),
      `${BELTIM} (1 evaluasi)`,
    );
    expect(archivedBox()).toHaveAccessibleName('Tampilkan evaluasi yang diarsipkan (1)');
    // Ticking it adds as many rows as it said.
    await userEvent.click(archivedBox());
    expect(instansiShown()).toEqual([BELTIM, BELTIM]);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Instansi' }),
      `${BALIKPAPAN} (3 evaluasi)`,
    );
    expect(archivedBox()).toHaveAccessibleName('Tampilkan evaluasi yang diarsipkan (2)');
    expect(instansiShown()).toEqual([BALIKPAPAN, BALIKPAPAN, BALIKPAPAN]);
  });

  it('offers no choice for one instansi', async () => {
    await evaluationOf(BALIKPAPAN, 'kota', 2025);
    await evaluationOf('  pemerintah kota  BALIKPAPAN', 'kota', 2024);
    renderEvaluationList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    expect(screen.queryByRole('combobox', { name: 'Instansi' })).toBeNull();
  });
});
