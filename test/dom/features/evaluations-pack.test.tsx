/**
 * Evaluations across the change of instrument: the new-evaluation form proposes the pack from
 * the year (and keeps a hand-picked one), the list names each evaluation's instrument and index,
 * and a copy into PermenPANRB 8/2026 carries documents but no answers, then links only the
 * crosswalk suggestions the user ticks.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPack, registerUserPacks, type InstrumentPack } from '../../../shared/instrument';
import { App } from '../../../renderer/src/app/app';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import {
  createEvaluation,
  crosswalkSuggestions,
  duplicateEvaluation,
} from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { installPack } from '../../../renderer/src/db/commands/packs';
import type { Platform } from '../../../renderer/src/platform/types';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const PACK_59 = findPack('permenpanrb-59-2020')!;
const PEMDI = findPack('permenpanrb-8-2026')!;

const platform = (): Platform => testPlatform().platform;

const actor = { id: null, name: 'Uji' };
const edit = (value: number | null) => ({
  value,
  justification: 'Ada Perwal',
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

afterEach(cleanup);

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});

describe('the new-evaluation form', () => {
  it('proposes the pack from the year and keeps a pack picked by hand', async () => {
    window.location.hash = '#/evaluasi/baru';
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const year = await screen.findByLabelText('Tahun evaluasi');
    const instrument = screen.getByLabelText<HTMLSelectElement>('Instrumen');
    // Both packs can be chosen, each by short title and title.
    expect(
      within(instrument).getByRole('option', { name: new RegExp(PACK_59.shortTitle) }),
    ).toBeInTheDocument();
    expect(
      within(instrument).getByRole('option', { name: new RegExp(PEMDI.shortTitle) }),
    ).toBeInTheDocument();

    await user.clear(year);
    await user.type(year, '2025');
    await waitFor(() => expect(instrument.value).toBe(PACK_59.id));
    expect(screen.queryByText(/disusun dari sumber sekunder/)).not.toBeInTheDocument();

    await user.clear(year);
    await user.type(year, '2026');
    await waitFor(() => expect(instrument.value).toBe(PEMDI.id));
    expect(instrument).toHaveAccessibleDescription(
      `${PEMDI.shortTitle} disusun dari sumber sekunder; cocokkan dengan salinan resmi.`,
    );

    // Picked by hand: a new year no longer changes it.
    await user.selectOptions(instrument, PACK_59.id);
    await user.clear(year);
    await user.type(year, '2027');
    await new Promise((r) => setTimeout(r, 0));
    expect(instrument.value).toBe(PACK_59.id);
  });

  it('says where it is chosen that an instrument is outside the year’s (59/2020 for 2026)', async () => {
    window.location.hash = '#/evaluasi/baru';
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const year = await screen.findByLabelText('Tahun evaluasi');
    const instrument = screen.getByLabelText<HTMLSelectElement>('Instrumen');
    await user.clear(year);
    await user.type(year, '2026');
    await waitFor(() => expect(instrument.value).toBe(PEMDI.id));
    expect(instrument).not.toHaveAccessibleDescription(/Periksa kembali/);

    await user.selectOptions(instrument, PACK_59.id);
    expect(instrument).toHaveAccessibleDescription(
      `${PACK_59.shortTitle} dipakai untuk evaluasi sampai tahun 2025; evaluasi tahun 2026 memakai ${PEMDI.shortTitle} (${PEMDI.title}). Periksa kembali pilihan instrumen.`,
    );
    // Pemdi for an earlier year: said too, beside its draft note.
    await user.selectOptions(instrument, PEMDI.id);
    await user.clear(year);
    await user.type(year, '2025');
    expect(instrument).toHaveAccessibleDescription(
      `${PEMDI.shortTitle} dipakai untuk evaluasi sejak tahun 2026; evaluasi tahun 2025 memakai ${PACK_59.shortTitle} (${PACK_59.title}). Periksa kembali pilihan instrumen. ${PEMDI.shortTitle} disusun dari sumber sekunder; cocokkan dengan salinan resmi.`,
    );
  });

  it('keeps the year’s pack when a regional profile (a 59/2020 one) is chosen', async () => {
    window.location.hash = '#/evaluasi/baru?profil=kota-balikpapan';
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const year = await screen.findByLabelText('Tahun evaluasi');
    const instrument = screen.getByLabelText<HTMLSelectElement>('Instrumen');
    await user.clear(year);
    await user.type(year, '2026');
    await waitFor(() => expect(instrument.value).toBe(PEMDI.id));
    await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
    await waitFor(async () => expect(await db.evaluations.count()).toBe(1));
    const [created] = await db.evaluations.toArray();
    expect(created?.instrument.id).toBe(PEMDI.id);
    expect(created?.profileId).toBe('kota-balikpapan');
    expect(created?.instansi.regionName).toBe('Balikpapan');
    // The regulation is kept as a document, not linked to Pemdi indicators by 59/2020 numbers.
    expect(await db.evidence.count()).toBe(1);
    expect(await db.links.count()).toBe(0);
  });
});

describe('the evaluations list', () => {
  it('names each evaluation’s instrument and index and formats its value by its pack', async () => {
    const old = await createEvaluation(sampleInput({ year: 2025 }), actor);
    const pemdi = await createEvaluation(
      sampleInput({ year: 2026, instrumentId: PEMDI.id, instrumentVersion: PEMDI.version }),
      actor,
    );
    await saveAnswer(old, 1, edit(3), actor);
    await saveAnswer(pemdi, 1, edit(2.75), actor);
    render(<App platform={platform()} />);
    await screen.findByRole('heading', { level: 1, name: 'Daftar Evaluasi' });
    const rows = await screen.findAllByRole('row');
    const row2026 = rows.find((r) => within(r).queryByText('2026'))!;
    const row2025 = rows.find((r) => within(r).queryByText('2025'))!;
    expect(within(row2026).getByText(PEMDI.shortTitle)).toBeInTheDocument();
    expect(within(row2026).getByText('Indeks Pemdi')).toBeInTheDocument();
    // One Pemdi answer of 2,75 and the awaited external indices at 1,00: two decimals.
    await waitFor(() => expect(row2026).toHaveTextContent(/Indeks Pemdi 1,44 · Kurang/));
    expect(within(row2025).getByText(PACK_59.shortTitle)).toBeInTheDocument();
    expect(within(row2025).getByText(PACK_59.indexLabel)).toBeInTheDocument();
  });

  it('says in its row when stored answers are ones the pack refuses, and lists the others', async () => {
    const good = await createEvaluation(sampleInput({ year: 2025 }), actor);
    const damaged = await createEvaluation(
      sampleInput({ year: 2026, instrumentId: PEMDI.id, instrumentVersion: PEMDI.version }),
      actor,
    );
    await saveAnswer(good, 1, edit(3), actor);
    await saveAnswer(damaged, 1, edit(2.75), actor);
    // Rows no screen writes: an indicator the Pemdi pack does not have, stored as is.
    const [stored] = await db.answers.where('evaluationId').equals(damaged).toArray();
    await db.answers.put({ ...stored!, indicator: 47 });
    render(<App platform={platform()} />);
    await screen.findByRole('heading', { level: 1, name: 'Daftar Evaluasi' });
    const rowOf = async (year: string) =>
      (await screen.findAllByRole('row')).find((r) => within(r).queryByText(year))!;
    const row2026 = await rowOf('2026');
    await waitFor(() => expect(within(row2026).getByText('Jawaban tidak sah')).toBeVisible());
    expect(row2026).toHaveTextContent(
      `indikator "47" tidak ada dalam instrumen ${PEMDI.shortTitle}`,
    );
    // Still reachable: the actions of the row, and the other evaluation scored as before.
    expect(within(row2026).getByRole('button', { name: /Hapus/ })).toBeEnabled();
    const row2025 = await rowOf('2025');
    expect(within(row2025).getByText(PACK_59.indexLabel)).toBeInTheDocument();

    // Opened, the evaluation says the same instead of a blank screen.
    window.location.hash = `#/evaluasi/${encodeURIComponent(damaged)}`;
    const alert = await screen.findByText(/menyimpan jawaban yang tidak sah/);
    expect(alert).toHaveTextContent(`indikator "47" tidak ada dalam instrumen ${PEMDI.shortTitle}`);
    expect(screen.queryByText(/Layar ini tidak dapat ditampilkan/)).toBeNull();
  });
});

describe('copying to a new year under another instrument', () => {
  async function source59() {
    const id = await createEvaluation(sampleInput({ year: 2025 }), actor);
    await saveAnswer(id, 1, edit(3), actor);
    const added = await addEvidenceFile(id, pdfFile('perwal-spbe.pdf'), actor, {
      linkTo: { indicator: 1, levels: [2, 3] },
    });
    if (!added.ok) throw new Error(added.message);
    return { id, hash: added.evidence.hash };
  }

  it('carries documents, no answers or links, and suggests by the crosswalk', async () => {
    const { id, hash } = await source59();
    const copy = await duplicateEvaluation(id, 2026, actor, {
      id: PEMDI.id,
      version: PEMDI.version,
    });
    expect((await db.evaluations.get(copy))?.instrument).toEqual({
      id: PEMDI.id,
      version: PEMDI.version,
    });
    expect(await db.answers.where('evaluationId').equals(copy).count()).toBe(0);
    expect(await db.links.where('evaluationId').equals(copy).count()).toBe(0);
    const docs = await db.evidence.where('evaluationId').equals(copy).toArray();
    expect(docs.map((d) => d.hash)).toEqual([hash]);
    expect(await db.blobs.get(hash)).toBeDefined();
    const expected = PEMDI.crosswalk.filter((c) => c.from === 1).flatMap((c) => c.to);
    expect(await crosswalkSuggestions(copy)).toEqual([
      expect.objectContaining({
        evidenceId: docs[0]!.id,
        fromIndicators: [1],
        toIndicators: [...new Set(expected)].sort((a, b) => a - b),
      }),
    ]);
    // The same instansi, year and pack again (the screen asks first) is told apart by a label.
    const again = await duplicateEvaluation(id, 2026, actor, {
      id: PEMDI.id,
      version: PEMDI.version,
    });
    expect((await db.evaluations.get(again))?.label).toBe('salinan 2');
  });

  it('a same-pack copy stays as before (answers and links carried)', async () => {
    const { id } = await source59();
    const copy = await duplicateEvaluation(id, 2026, actor, {
      id: PACK_59.id,
      version: PACK_59.version,
    });
    expect(await db.answers.where('evaluationId').equals(copy).count()).toBe(1);
    expect(await db.links.where('evaluationId').equals(copy).count()).toBe(1);
    expect(await crosswalkSuggestions(copy)).toEqual([]);
  });

  it('in the list: the dialog proposes Pemdi for 2026 and links only the ticked suggestion', async () => {
    await source59();
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await user.click(
      await screen.findByRole('button', {
        name: 'Salin evaluasi Pemerintah Kota Balikpapan 2025 ke tahun baru',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Salin evaluasi 2025 ke tahun baru' });
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Instrumen evaluasi baru').value).toBe(
      PEMDI.id,
    );
    expect(dialog).toHaveTextContent(/Nilai, jawaban, dan tautan bukti tidak disalin/);
    // Keeping 59/2020 for 2026 is allowed, and said beside the choice.
    const choice = within(dialog).getByLabelText<HTMLSelectElement>('Instrumen evaluasi baru');
    await user.selectOptions(choice, PACK_59.id);
    expect(choice).toHaveAccessibleDescription(
      /^PermenPANRB 59\/2020 dipakai untuk evaluasi sampai tahun 2025; evaluasi tahun 2026 memakai PermenPANRB 8\/2026/,
    );
    await user.selectOptions(choice, PEMDI.id);
    expect(choice).not.toHaveAccessibleDescription(/Periksa kembali/);
    await user.click(within(dialog).getByRole('button', { name: 'Salin' }));

    const review = await screen.findByRole('dialog', { name: 'Saran padanan indikator' });
    const boxes = await within(review).findAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b).not.toBeChecked();
    const link = within(review).getByRole('button', { name: 'Tautkan yang dipilih' });
    expect(link).toBeDisabled();
    expect(await db.links.filter((l) => l.note === 'Dari saran padanan instrumen').count()).toBe(0);
    await user.click(boxes[0]!);
    await user.click(link);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/evaluasi\/[^/]+$/));
    const copy = (await db.evaluations.toArray()).find((e) => e.year === 2026)!;
    const links = await db.links.where('evaluationId').equals(copy.id).toArray();
    expect(links).toHaveLength(1);
    expect(links[0]!.levels).toEqual([]);
    expect(await db.answers.where('evaluationId').equals(copy.id).count()).toBe(0);
  });
});

describe('a pack loaded from a file', () => {
  /** The "official" text of Pemdi loaded over the built-in draft: same id, another version. */
  const official: InstrumentPack = (() => {
    const pack: InstrumentPack = {
      ...structuredClone(PEMDI),
      version: '9.0.0',
      status: 'official',
      valueScale: { ...PEMDI.valueScale, decimals: 1 },
    };
    // One decimal: the two-decimal worked examples of the external indices no longer hold.
    for (const aspect of pack.groups)
      for (const indicator of aspect.indicators ?? [])
        if (indicator.externalIndex) indicator.externalIndex.examples = [];
    return pack;
  })();
  beforeEach(async () => {
    // Stored as the Instrumen screen stores it: the app loads it at start.
    const installed = await installPack(official);
    if (!installed.ok) throw new Error(installed.errors.join('; '));
    return () => void registerUserPacks([]);
  });

  it('can be chosen for a new evaluation, named as loaded, and its version is stored', async () => {
    window.location.hash = '#/evaluasi/baru';
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await screen.findByLabelText('Tahun evaluasi');
    const instrument = screen.getByLabelText<HTMLSelectElement>('Instrumen');
    const option = within(instrument).getByRole<HTMLOptionElement>('option', {
      name: /dimuat dari berkas, versi 9\.0\.0/,
    });
    // The built-in draft is still there under its plain id.
    expect(
      within(instrument).getAllByRole('option', { name: new RegExp(PEMDI.shortTitle) }),
    ).toHaveLength(2);
    await user.selectOptions(instrument, option);
    expect(instrument.value).toBe(`${PEMDI.id}@9.0.0`);
    await user.type(screen.getByLabelText('Nama instansi'), 'Pemerintah Kota Uji');
    await user.type(screen.getByLabelText('Nama daerah'), 'Uji');
    await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
    await waitFor(async () => expect(await db.evaluations.count()).toBe(1));
    const [created] = await db.evaluations.toArray();
    expect(created?.instrument).toEqual({ id: PEMDI.id, version: '9.0.0' });
  });

  it('a copy into another version keeps the answers the new version allows', async () => {
    const id = await createEvaluation(
      sampleInput({ year: 2026, instrumentId: PEMDI.id, instrumentVersion: PEMDI.version }),
      actor,
    );
    await saveAnswer(id, 1, edit(2.5), actor);
    await saveAnswer(id, 2, edit(2.75), actor); // two decimals: not a value of version 9.0.0
    const copy = await duplicateEvaluation(id, 2027, actor, { id: PEMDI.id, version: '9.0.0' });
    const answers = await db.answers.where('evaluationId').equals(copy).toArray();
    expect(answers.map((a) => [a.indicator, a.value])).toEqual([[1, 2.5]]);
    const audit = await db.audit.where('evaluationId').equals(copy).toArray();
    expect(audit.map((a) => a.note).join(' ')).toMatch(
      /versi .* → 9\.0\.0, 1 jawaban tidak sesuai versi baru dan tidak disalin/,
    );
  });

  it('the copy dialog offers it and says what a version change keeps', async () => {
    await createEvaluation(
      sampleInput({ year: 2026, instrumentId: PEMDI.id, instrumentVersion: PEMDI.version }),
      actor,
    );
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await user.click(
      await screen.findByRole('button', {
        name: 'Salin evaluasi Pemerintah Kota Balikpapan 2026 ke tahun baru',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Salin evaluasi 2026 ke tahun baru' });
    const select = within(dialog).getByLabelText<HTMLSelectElement>('Instrumen evaluasi baru');
    await user.selectOptions(select, `${PEMDI.id}@9.0.0`);
    expect(dialog).toHaveTextContent(/Versi instrumen berubah \(.* → 9\.0\.0\)/);
    await user.click(within(dialog).getByRole('button', { name: 'Salin' }));
    await waitFor(async () =>
      expect((await db.evaluations.toArray()).find((e) => e.year === 2027)?.instrument).toEqual({
        id: PEMDI.id,
        version: '9.0.0',
      }),
    );
  });
});
