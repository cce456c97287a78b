/**
 * The dashboard's compliance panel as the team uses it, on evaluations of Kota Bengkulu on both
 * packs: each obligation in a row with its articles under it, and the team's decision saved,
 * refused without a note when it overrides the finding, and withdrawn; a decision not saved yet
 * is said and guards the window.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { findProfile, profileInstansiDefaults, type Profile } from '../../../shared/profiles';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { CompliancePanel } from '../../../renderer/src/features/profiles/compliance-panel';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';
import { unloadPrevented } from '../window-events';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const pack59 = findPack('permenpanrb-59-2020') as InstrumentPack;
const bengkulu = findProfile('kota-bengkulu') as Profile;
const decree = bengkulu.obligations.find((o) => o.id === 'tim-koordinasi-keputusan')!;
const audit = bengkulu.obligations.find((o) => o.id === 'audit-tik-dua-tahun')!;

async function showPanel(pack: InstrumentPack): Promise<EvaluationId> {
  const id = await createEvaluation(
    sampleInput({
      instrumentId: pack.id,
      instrumentVersion: pack.version,
      profileId: bengkulu.id,
      instansi: profileInstansiDefaults(bengkulu),
    }),
    ANONYMOUS,
    null,
    bengkulu,
  );
  render(
    <MemoryRouter>
      <WorkspaceProvider id={id}>
        <CompliancePanel />
      </WorkspaceProvider>
    </MemoryRouter>,
  );
  await screen.findByRole('region', { name: 'Kepatuhan terhadap peraturan daerah' });
  return id;
}

const decreeRow = () => screen.getByRole('row', { name: new RegExp(decree.title) });

beforeEach(resetDatabase);
afterEach(cleanup);

describe.each([pack59, pemdi])('compliance panel ($shortTitle)', (pack) => {
  it('lists each obligation with its articles under it and its status', async () => {
    await showPanel(pack);
    expect(screen.getAllByRole('row')).toHaveLength(bengkulu.obligations.length + 1);
    const title = within(decreeRow()).getByRole('rowheader');
    for (const article of decree.articles) {
      expect(title).toHaveTextContent(article.ref);
      expect(title).toHaveTextContent(article.quote);
    }
    expect(within(decreeRow()).getAllByRole('cell')[0]).toHaveTextContent('Belum terpenuhi');
    expect(screen.queryByRole('columnheader', { name: 'Pasal' })).toBeNull();
    // Each obligation's "Simpan keputusan" says which one it saves (they were all alike).
    const saves = screen.getAllByRole('button', { name: /^Simpan keputusan untuk / });
    expect(saves).toHaveLength(bengkulu.obligations.length);
    expect(new Set(saves.map((b) => b.getAttribute('aria-label'))).size).toBe(saves.length);
  });

  it('saves a decision, refuses an override without a note, and withdraws it', async () => {
    const user = userEvent.setup();
    const id = await showPanel(pack);
    const row = decreeRow();
    const status = within(row).getByRole('combobox', { name: `Status untuk ${decree.title}` });
    const note = within(row).getByRole('textbox', { name: `Catatan tim untuk ${decree.title}` });
    expect(status).toHaveDisplayValue('Belum terpenuhi');
    expect(within(row).getByText('Belum dikonfirmasi (masuk lampiran internal)')).toBeVisible();
    // The finding preselected is nothing typed: leaving asks nothing.
    expect(within(row).queryByText('Belum disimpan')).toBeNull();
    expect(unloadPrevented()).toBe(false);

    // An override of the finding needs a reason; nothing is stored without it.
    await user.selectOptions(status, 'Terpenuhi (dikonfirmasi tim)');
    await user.click(
      within(row).getByRole('button', { name: `Simpan keputusan untuk ${decree.title}` }),
    );
    expect(await within(row).findByRole('alert')).toHaveTextContent(
      'Tuliskan catatan alasan bila status berbeda dari temuan otomatis.',
    );
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect((await db.evaluations.get(id))?.complianceDecisions?.[decree.id]).toBeUndefined();
    // A choice not saved yet is said, and closing the window asks first.
    await waitFor(() => expect(unloadPrevented()).toBe(true));

    await user.type(note, 'SK Tim Koordinasi 2025 ada di arsip Bagian Hukum.');
    expect(within(row).getByText('Belum disimpan')).toBeVisible();
    await user.click(
      within(row).getByRole('button', { name: `Simpan keputusan untuk ${decree.title}` }),
    );
    expect(
      await within(row).findByText(
        `Dikonfirmasi oleh ${ANONYMOUS.name}: Terpenuhi (dikonfirmasi tim)`,
      ),
    ).toBeVisible();
    expect(within(row).queryByRole('alert')).toBeNull();
    expect(within(row).queryByText('Belum disimpan')).toBeNull();
    await waitFor(() => expect(unloadPrevented()).toBe(false));
    expect((await db.evaluations.get(id))?.complianceDecisions?.[decree.id]).toMatchObject({
      status: 'confirmed',
      note: 'SK Tim Koordinasi 2025 ada di arsip Bagian Hukum.',
    });

    await user.click(
      within(row).getByRole('button', { name: `Batalkan keputusan untuk ${decree.title}` }),
    );
    expect(
      await within(row).findByText('Belum dikonfirmasi (masuk lampiran internal)'),
    ).toBeVisible();
    await waitFor(() => expect(status).toHaveDisplayValue('Belum terpenuhi'));
    expect(note).toHaveValue('');
    await waitFor(async () =>
      expect((await db.evaluations.get(id))?.complianceDecisions?.[decree.id]).toBeUndefined(),
    );
  });
});

describe('the indicator numbers of an obligation described on another instrument', () => {
  it('are said to be PermenPANRB 59/2020 numbers on a Pemdi evaluation, and left alone on 59/2020', async () => {
    // The profile is written on 59/2020: "Diperiksa pada indikator 29–31" has no such
    // indicators on PermenPANRB 8/2026 (20 indicators).
    expect(bengkulu.instrumentId).toBe(pack59.id);
    expect(audit.description).toMatch(/indikator 29–31/);
    const note = 'Nomor indikator pada uraian ini menurut PermenPANRB 59/2020.';
    const auditTitle = () => {
      const header = screen
        .getAllByRole('rowheader')
        .find((h) => h.textContent?.startsWith(audit.title));
      if (!header) throw new Error(`Baris "${audit.title}" tidak ada`);
      return header;
    };

    await showPanel(pemdi);
    expect(auditTitle()).toHaveTextContent(note);
    // Only where a description names indicators.
    expect(within(decreeRow()).getByRole('rowheader')).not.toHaveTextContent(note);

    cleanup();
    await resetDatabase();
    await showPanel(pack59);
    expect(auditTitle()).toHaveTextContent(audit.description);
    expect(auditTitle()).not.toHaveTextContent(note);
  });
});
