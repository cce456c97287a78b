/**
 * The daily-backup line on the Cadangan screen when nothing changed since the last backup: it
 * names that backup by when it was made, not by repeating "cadangan" before its file name.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DailyLine } from '../../../renderer/src/features/backups/backups-page';

afterEach(cleanup);

describe('the daily backup line', () => {
  it('says when the unchanged-since backup was made, in words', () => {
    render(
      <DailyLine
        daily={{
          kind: 'unchanged',
          at: new Date(2026, 11, 7, 12, 0).getTime(),
          since: 'cadangan-2026-12-07-093015-manual.spbe',
        }}
      />,
    );
    expect(
      screen.getByText(
        'Cadangan harian hari ini tidak dibuat karena data tidak berubah sejak cadangan terakhir, yang dibuat 7 Desember 2026 pukul 09.30.',
      ),
    ).toBeVisible();
    expect(screen.queryByText(/cadangan cadangan/)).toBeNull();
  });

  it('names a backup whose name it cannot read in quotes', () => {
    render(<DailyLine daily={{ kind: 'unchanged', at: 0, since: 'salinan-lama.spbe' }} />);
    expect(
      screen.getByText(
        'Cadangan harian hari ini tidak dibuat karena data tidak berubah sejak cadangan "salinan-lama.spbe".',
      ),
    ).toBeVisible();
  });
});
