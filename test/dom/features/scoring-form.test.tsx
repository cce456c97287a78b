/**
 * The scoring form with both packs: 59/2020 chooses an integer level (radio or key), Pemdi types
 * a decimal value, converts an external index and tracks butir. Saves are read back from the
 * database.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAnswer, type EvaluationId, type MemberId } from '../../../shared/assessment';
import { findIndicator, findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFiles, linkEvidence } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { ScoringForm } from '../../../renderer/src/features/scoring/scoring-form';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { saveStatus } from '../support/save-status';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const OLD = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';

async function open(
  packId: string,
  indicator: number,
  before?: (id: EvaluationId) => Promise<void>,
): Promise<EvaluationId> {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  await before?.(id);
  const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <WorkspaceProvider id={id}>
        <ScoringForm number={indicator} />
      </WorkspaceProvider>
    </PlatformContext.Provider>,
  );
  await screen.findByRole('heading', { level: 2 });
  return id;
}

const answer = (id: EvaluationId, indicator: number) => db.answers.get([id, indicator]);
// The wait limit is Testing Library's (test/dom/setup.ts): a slow machine never fails a save.
const until = (check: () => Promise<void> | void) => waitFor(check);

beforeEach(resetDatabase);
afterEach(cleanup);

describe('scoring form, PermenPANRB 59/2020 (integer levels)', () => {
  it('saves the level chosen by radio button and by key', async () => {
    const id = await open(OLD, 1);
    const radio = screen.getByRole('radio', { name: /^Tingkat 3 — / });
    await userEvent.click(radio);
    await until(async () => expect((await answer(id, 1))?.value).toBe(3));
    expect(screen.queryByLabelText(/Nilai indikator/)).toBeNull();

    await userEvent.keyboard('2');
    await until(async () => expect((await answer(id, 1))?.value).toBe(2));
    expect(screen.getByRole('radio', { name: /^Tingkat 2 — / })).toBeChecked();
    // No document yet: the warning names the level chosen (read in place, not read out at once).
    expect(screen.getByText(/^Tingkat 2 dipilih, tetapi tingkat 2 belum didukung dokumen\./)).toBe(
      screen.getByText(/belum didukung dokumen/),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    const saved = await answer(id, 1);
    expect(saved).not.toHaveProperty('external');
    expect(saved).not.toHaveProperty('butir');

    // "Kosongkan pilihan tingkat" leaves with the choice; the focus goes to the levels.
    screen.getByRole('button', { name: 'Kosongkan pilihan tingkat' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('radio', { name: /^Tingkat 1 — / })).toHaveFocus();
    await until(async () => expect((await answer(id, 1))?.value).toBeNull());
  });
});

describe('scoring form, PermenPANRB 8/2026 (decimal values)', () => {
  it('saves a value typed with a decimal comma and highlights its level', async () => {
    const id = await open(PEMDI, 1);
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Deskripsi indikator' })).toBeVisible();
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), '2,75');
    await until(async () => expect((await answer(id, 1))?.value).toBe(2.75));
    expect(screen.getByText(/nilai saat ini 2,75 \(Berkembang\) · target 2,50/)).toBeVisible();
    const current = screen.getByRole('article', { current: true });
    expect(current).toHaveAccessibleName(/Tingkat 3 — Berkembang/);
    expect(within(current).getByText(/Rentang 2,50–<3,50/)).toBeVisible();
    await until(async () => {
      expect(saveStatus()).toHaveTextContent('Semua perubahan tersimpan');
    });
    // Keys do not overwrite a typed decimal.
    await userEvent.click(document.body);
    await userEvent.keyboard('4');
    expect(screen.getByLabelText('Nilai indikator (1,00–5,00)')).toHaveValue('2,75');
  });

  it('warns of levels without documents in terms of the value typed, not a tingkat chosen', async () => {
    await open(PEMDI, 1);
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), '3,25');
    expect(
      await screen.findByText(
        /^Nilai 3,25 \(tingkat Berkembang\) diisi, tetapi tingkat 2, 3 belum didukung dokumen\./,
      ),
    ).toBeVisible();
    expect(screen.queryByText(/dipilih, tetapi/)).toBeNull();
    // Not a live region: it changed at every digit ("3", "3,2", "3,25") and interrupted each time.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('calls a half-typed "3," wrong only once the field is left, as an alert linked to it', async () => {
    const id = await open(PEMDI, 1);
    const field = screen.getByLabelText('Nilai indikator (1,00–5,00)');
    await userEvent.type(field, '3,');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field).not.toHaveAttribute('aria-invalid');
    await userEvent.type(field, '25');
    await until(async () => expect((await answer(id, 1))?.value).toBe(3.25));

    await userEvent.clear(field);
    await userEvent.type(field, '3,');
    await userEvent.tab();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Tulis nilai sebagai angka 1,00–5,00, misalnya 3,00');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(alert.textContent!);

    // Off the scale: said at once, at the field.
    await userEvent.clear(field);
    await userEvent.type(field, '5,5');
    expect(screen.getByRole('alert')).toHaveTextContent('Nilai harus antara 1,00 dan 5,00');
    expect(field).toHaveAccessibleDescription('Nilai harus antara 1,00 dan 5,00');
    expect((await answer(id, 1))?.value).not.toBe(5.5);
  });

  it('reads out the save state only when it needs the user, not at every pause in typing', async () => {
    await open(PEMDI, 1);
    // The save status, not the history's "Memuat riwayat…" (also a status while it loads).
    const saveStatus = (text: string) =>
      screen.getAllByRole('status').find((s) => s.textContent?.startsWith(text));
    await userEvent.type(screen.getByLabelText(/^Penjelasan/), 'Dokumen RPJMD');
    await until(() => {
      expect(saveStatus('Semua perubahan tersimpan')).toBeDefined();
    });
    // Chromium reads an explicit aria-live over the role's own "polite".
    expect(saveStatus('Semua perubahan tersimpan')).toHaveAttribute('aria-live', 'off');
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), 'abc');
    expect(saveStatus('Belum disimpan')).toHaveAttribute('aria-live', 'off');
    expect(screen.getByRole('alert')).toHaveTextContent('Tulis nilai sebagai angka');
  });

  it('saves "3,72" as the double 3.72 (no float drift into the score)', async () => {
    const id = await open(PEMDI, 2);
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), '3,72');
    await until(async () => expect((await answer(id, 2))?.value).toBe(3.72));
    expect(screen.getByText(/nilai saat ini 3,72 \(Melembaga\)/)).toBeVisible();
  });

  it('refuses "2,755" inline, never saves it and never says "tersimpan"', async () => {
    const id = await open(PEMDI, 1);
    await userEvent.type(screen.getByLabelText('Nilai indikator (1,00–5,00)'), '2,755');
    expect(screen.getByText('Nilai paling banyak 2 angka di belakang koma')).toBeVisible();
    expect(screen.getByLabelText('Nilai indikator (1,00–5,00)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(saveStatus()).not.toHaveTextContent(/tersimpan/);
    // Another field saves; the invalid value does not go with it.
    await userEvent.type(screen.getByLabelText(/^Penjelasan/), 'Dokumen RPJMD');
    await until(async () => expect((await answer(id, 1))?.justification).toBe('Dokumen RPJMD'));
    expect((await answer(id, 1))?.value).toBeNull();
    expect(saveStatus()).not.toHaveTextContent(/tersimpan/);
  });

  it('refuses "1.000" as one thousand; reads "3.5" as 3,50 and shows "3,50" on leaving', async () => {
    const id = await open(PEMDI, 1);
    const field = screen.getByLabelText('Nilai indikator (1,00–5,00)');
    await userEvent.type(field, '1.000');
    expect(
      screen.getByText(/Titik pada "1\.000" memisahkan ribuan \(terbaca 1000\)/),
    ).toBeVisible();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect((await answer(id, 1))?.value ?? null).toBeNull();

    await userEvent.clear(field);
    await userEvent.type(field, '3.5');
    await until(async () => expect((await answer(id, 1))?.value).toBe(3.5));
    expect(field).toHaveValue('3.5');
    await userEvent.tab();
    expect(field).toHaveValue('3,50');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('tells the range for an external index off the scale ("-5"), not to write a number', async () => {
    await open(PEMDI, 5);
    await userEvent.type(screen.getByLabelText(/^Indeks SDI/), '-5');
    expect(screen.getByText('Indeks SDI harus antara 0 dan 100')).toBeVisible();
    expect(screen.queryByText(/sebagai angka/)).toBeNull();
  });

  it('puts the focus on the value field when a button sets it and leaves the page', async () => {
    const id = await open(PEMDI, 1);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Nilai indikator (1,00–5,00)');
    screen.getByRole('button', { name: 'Pakai nilai 2,50' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Pakai nilai 2,50' })).toBeNull();
    expect(field).toHaveFocus();
    expect(field).toHaveValue('2,50');
    await until(async () => expect((await answer(id, 1))?.value).toBe(2.5));
    screen.getByRole('button', { name: 'Kosongkan nilai' }).focus();
    await user.keyboard('{Enter}');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('');
    await until(async () => expect((await answer(id, 1))?.value).toBeNull());
  });

  it('sets a level floor only through the card button', async () => {
    const id = await open(PEMDI, 1);
    await userEvent.click(screen.getByRole('button', { name: 'Pakai nilai 2,50' }));
    await until(async () => expect((await answer(id, 1))?.value).toBe(2.5));
    expect(screen.getByLabelText('Nilai indikator (1,00–5,00)')).toHaveValue('2,50');
  });

  it('says the assumed 1,00 of an awaited index is not counted while nothing is assessed', async () => {
    await open(PEMDI, 5);
    expect(
      screen.getByText(
        'Menunggu nilai eksternal — nilai anggapan 1,00 baru dihitung setelah ada indikator yang dinilai',
      ),
    ).toBeVisible();
    expect(screen.queryByText(/dihitung 1,00/)).toBeNull();
  });

  it('converts an external index (SDI 68,75 → 3,75) and saves both; clearing clears both', async () => {
    const id = await open(PEMDI, 5, async (id) => {
      await db.answers.put({ ...emptyAnswer(id, 1), value: 3 });
    });
    expect(screen.getByText('Menunggu nilai eksternal — dihitung 1,00')).toBeVisible();
    expect(screen.queryByLabelText(/Nilai indikator/)).toBeNull();
    const input = screen.getByLabelText(/^Indeks SDI/);
    await userEvent.type(input, '68,75');
    expect(screen.getByText('Indeks SDI 68,75 → nilai 3,75')).toBeVisible();
    await userEvent.type(screen.getByLabelText(/^Tahun evaluasi/), '2025');
    await until(async () => {
      const a = await answer(id, 5);
      expect(a?.value).toBe(3.75);
      expect(a?.external).toEqual({ input: 68.75, year: 2025, note: '' });
    });

    await userEvent.clear(input);
    await until(async () => {
      const a = await answer(id, 5);
      expect(a?.value).toBeNull();
      expect(a?.external).toBeNull();
    });
    expect(screen.getByText('Menunggu nilai eksternal — dihitung 1,00')).toBeVisible();
  });

  it('shows each butir a linked document may answer with its code and its text', async () => {
    const FILE = 'rpjmd.pdf';
    const id = await open(PEMDI, 1, async (id) => {
      const [added] = await addEvidenceFiles(id, [pdfFile(FILE)], actor);
      if (!added?.ok) throw new Error('berkas uji tidak tersimpan');
      await linkEvidence(id, added.evidence.id, 1, [], '', actor);
    });
    const pack = findPack(PEMDI)!;
    const butir = findIndicator(pack, 1)!.indicator.levels.find((l) => l.level === 2)!.butir[0]!;
    await userEvent.click(await screen.findByText('Menjawab butir'));
    const box = screen.getByRole('checkbox', { name: `${FILE} menjawab butir ${butir.code}` });
    expect(box).toHaveAccessibleDescription(butir.text);
    expect(within(box.closest('label')!).getByText(butir.text)).toBeVisible();
    await userEvent.click(box);
    await until(async () =>
      expect((await db.links.where('evaluationId').equals(id).first())?.butir).toEqual([
        butir.code,
      ]),
    );
  });

  it('saves butir statuses, gates levels and offers the estimate only on request', async () => {
    const HINT = 'Perkiraan nilai muncul setelah ada butir yang ditandai Diterima.';
    const id = await open(PEMDI, 1);
    // No butir marked yet: no estimate of 1,00 to take, only what it needs.
    expect(screen.getByText(HINT)).toBeVisible();
    expect(screen.queryByText(/Perkiraan \(bukan nilai resmi\)/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pakai perkiraan' })).toBeNull();
    // A butir only uploaded or sent back moves nothing: still no estimate to take.
    await userEvent.selectOptions(screen.getByLabelText(/^I1-L2-01/), 'diunggah');
    await userEvent.selectOptions(screen.getByLabelText(/^I1-L1-01/), 'perluRevisi');
    await until(async () =>
      expect((await answer(id, 1))?.butir).toEqual({
        'I1-L1-01': 'perluRevisi',
        'I1-L2-01': 'diunggah',
      }),
    );
    expect(screen.getByText(HINT)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Pakai perkiraan' })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText(/^I1-L2-01/), 'diterima');
    await until(async () =>
      expect((await answer(id, 1))?.butir).toEqual({
        'I1-L1-01': 'perluRevisi',
        'I1-L2-01': 'diterima',
      }),
    );
    await userEvent.selectOptions(screen.getByLabelText(/^I1-L1-01/), 'diterima');
    await until(async () =>
      expect((await answer(id, 1))?.butir).toEqual({
        'I1-L1-01': 'diterima',
        'I1-L2-01': 'diterima',
      }),
    );
    const level1 = screen.getByRole('article', { name: /Tingkat 1 — / });
    expect(within(level1).getByText('Butir: Lengkap')).toBeVisible();
    const level2 = screen.getByRole('article', { name: /Tingkat 2 — / });
    expect(within(level2).getByText('Butir: 1 dari 4 butir diterima')).toBeVisible();
    expect(screen.queryByText(/Perkiraan nilai muncul setelah/)).toBeNull();
    // Advisory only: 1,50 + 1/4 × 1,00; the value stays empty until the button is pressed.
    expect(screen.getByText(/Perkiraan \(bukan nilai resmi\).*1,75/)).toBeVisible();
    expect((await answer(id, 1))?.value).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Pakai perkiraan' }));
    await until(async () => expect((await answer(id, 1))?.value).toBe(1.75));
  });
});

describe('the sticky save bar', () => {
  it('keeps its height free at the foot of the page, so a focused field is never under it', async () => {
    const style = document.createElement('style');
    style.textContent = readFileSync('renderer/src/features/scoring/scoring-bar.css', 'utf8');
    document.head.append(style);
    // jsdom lays nothing out: the bar measures 52 px here.
    const rect = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function (this: HTMLElement) {
        return new DOMRect(0, 0, 800, this.classList.contains('scoring-bar') ? 52 : 20);
      });
    try {
      await open(OLD, 1);
      const root = document.documentElement;
      expect(root.style.getPropertyValue('--scoring-bar-height')).toBe('52px');
      expect(getComputedStyle(root).getPropertyValue('scroll-padding-bottom')).toBe(
        'calc(var(--scoring-bar-height, 3.5rem) + 0.5rem)',
      );
      cleanup();
      expect(root.style.getPropertyValue('--scoring-bar-height')).toBe('');
      expect(getComputedStyle(root).getPropertyValue('scroll-padding-bottom')).toBe('auto');
    } finally {
      rect.mockRestore();
      style.remove();
    }
  });
});

describe('whose indicator it is', () => {
  const member = (name: string, indicators: number[]) => ({
    name,
    nip: '',
    position: '',
    role: 'member' as const,
    indicators,
  });

  it('says an indicator is another member’s task before the user scores it', async () => {
    await open(PEMDI, 1, async (id) => {
      await addMember(id, member('Siti Aisyah', [1, 2, 3, 4, 9]), actor);
      const rudi = await addMember(id, member('Rudi Hartono', [5, 6, 7, 8]), actor);
      await setCurrentMember(id, rudi.id);
    });
    expect(
      await screen.findByText('Ditugaskan kepada Siti Aisyah; bukan indikator tugas Anda.'),
    ).toBeVisible();
  });

  it('says when it is the user’s own, and when nobody has it', async () => {
    await open(PEMDI, 1, async (id) => {
      const siti = await addMember(id, member('Siti Aisyah', [1, 2]), actor);
      await setCurrentMember(id, siti.id);
    });
    expect(await screen.findByText('Ditugaskan kepada Siti Aisyah (Anda).')).toBeVisible();
    cleanup();
    await resetDatabase();
    await open(PEMDI, 3, async (id) => {
      await addMember(id, member('Siti Aisyah', [1, 2]), actor);
    });
    expect(await screen.findByText('Belum ditugaskan kepada anggota tim.')).toBeVisible();
  });
});
