/**
 * The report date on the report screen, with both packs: today until one is chosen; a chosen
 * date is stored with the evaluation (with an audit line) and printed in the preview; an
 * absurd date is refused beside the control and the stored date is kept.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { formatDate, todayIso } from '../../../shared/format/date';
import { findPack } from '../../../shared/instrument';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { setReportDate } from '../../../renderer/src/db/commands/report-date';
import { db } from '../../../renderer/src/db/db';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderReportPage } from './render-report';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
beforeEach(resetDatabase);
afterEach(cleanup);

describe.each(['permenpanrb-59-2020', 'permenpanrb-8-2026'])('the report date (%s)', (packId) => {
  it('defaults to today, stores a chosen date and prints it', async () => {
    const pack = findPack(packId)!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
      actor,
    );
    renderReportPage(id);
    const field = await screen.findByLabelText('Tanggal laporan');
    expect(field).toHaveValue(todayIso());
    expect(field).toHaveAccessibleDescription(
      `Belum dipilih: laporan bertanggal hari ini, ${formatDate(todayIso())}. Pilih tanggal agar cetak ulang tetap bertanggal sama.`,
    );
    expect((await db.evaluations.get(id))?.reportDate).toBeUndefined();

    fireEvent.change(field, { target: { value: '2026-12-03' } });
    await waitFor(async () =>
      expect((await db.evaluations.get(id))?.reportDate).toBe('2026-12-03'),
    );
    const audit = await db.audit.where('evaluationId').equals(id).toArray();
    expect(audit.find((a) => a.field === 'reportDate')).toMatchObject({
      entity: 'evaluation',
      action: 'update',
      oldValue: null,
      newValue: '2026-12-03',
    });
    await waitFor(() => expect(field).toHaveValue('2026-12-03'));
    // Said in words beside the field, whose own format follows the system's language (once
    // the stored date has reached the screen).
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        'Dicetak sebagai 3 Desember 2026 pada laporan dan Berita Acara, juga saat dicetak ulang.',
      ),
    );
    // The preview's cover prints the month of the chosen date.
    expect(await screen.findByText(/Balikpapan, Desember 2026/)).toBeInTheDocument();
  });

  it('refuses a date before the evaluation year and keeps the stored one', async () => {
    const pack = findPack(packId)!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
      actor,
    );
    await setReportDate(id, '2026-12-03', actor);
    renderReportPage(id);
    const field = await screen.findByLabelText('Tanggal laporan');
    await waitFor(() => expect(field).toHaveValue('2026-12-03'));
    fireEvent.change(field, { target: { value: '2019-01-01' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tanggal laporan tidak boleh sebelum tahun evaluasi (2026).',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue('2019-01-01');
    expect((await db.evaluations.get(id))?.reportDate).toBe('2026-12-03');
    await expect(setReportDate(id, '2026-02-30', actor)).rejects.toThrow(/tidak sah/);
  });
});
