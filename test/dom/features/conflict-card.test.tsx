/**
 * One conflict of the merge screen, with both packs: the criteria in dispute are shown once per
 * level (on Indeks Pemdi two values, 2,50 and 3,10, can share a level), and each side's choice
 * names its value as the rest of the screen does.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAnswer, type EvaluationId } from '../../../shared/assessment';
import { findIndicator, findPack, type InstrumentPack } from '../../../shared/instrument';
import type { Conflict, ConflictSide } from '../../../shared/merge';
import { ConflictCard } from '../../../renderer/src/features/merge/conflict-card';
import { emptyDecision } from '../../../renderer/src/features/merge/decision';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const pack59 = findPack('permenpanrb-59-2020') as InstrumentPack;
const id = 'eval-konflik' as EvaluationId;

function side(sourceId: string, name: string, indicator: number, value: number): ConflictSide {
  return {
    sourceId,
    sourceIds: [sourceId],
    sourceLabels: [`${name}.spbe`],
    exporters: [name],
    assessor: { memberId: null, name },
    answer: { ...emptyAnswer(id, indicator), value, justification: `Alasan ${name}` },
    levelName: null,
    evidence: [],
  };
}

/** The card of one conflict, as the merge screen draws it for a draft decision. */
function renderCard(conflict: Conflict, pack: InstrumentPack, draft = emptyDecision): void {
  render(
    <ConflictCard
      conflict={conflict}
      pack={pack}
      draft={draft}
      onChange={() => undefined}
      problems={[]}
    />,
  );
}

/** Ani's and Budi's values for one indicator, undecided. */
function show(pack: InstrumentPack, indicator: number, a: number, b: number): void {
  renderCard(
    {
      indicator,
      indicatorName: findIndicator(pack, indicator)?.indicator.name ?? '',
      sides: [side('1', 'Ani Rahmawati', indicator, a), side('2', 'Budi Santoso', indicator, b)],
    },
    pack,
  );
}

/** The level cards under "Kriteria tingkat yang dipersoalkan". */
const criteriaItems = (): HTMLElement[] =>
  within(screen.getByText('Kriteria tingkat yang dipersoalkan').parentElement!).getAllByRole(
    'listitem',
  );

afterEach(cleanup);

describe('the criteria in dispute', () => {
  it('shows a Pemdi level once when both values fall in it, with the values', () => {
    show(pemdi, 10, 2.5, 3.1);
    const items = criteriaItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(/^Tingkat 3 — Berkembang \(nilai 2,50 dan 3,10\): /);
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Ani Rahmawati: 2,50 (Berkembang) untuk indikator 10',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Budi Santoso: 3,10 (Berkembang) untuk indikator 10',
      }),
    ).toBeInTheDocument();
  });

  it('shows each Pemdi level once when the values fall in two', () => {
    show(pemdi, 10, 1.8, 3.1);
    const items = criteriaItems();
    expect(items.map((i) => i.textContent?.split(':')[0])).toEqual([
      expect.stringMatching(/^Tingkat 2 — .+ \(nilai 1,80\)$/),
      'Tingkat 3 — Berkembang (nilai 3,10)',
    ]);
  });

  it('shows the two levels of a 59/2020 conflict without values repeated', () => {
    show(pack59, 3, 3, 4);
    const items = criteriaItems();
    expect(items.map((i) => i.textContent?.split(':')[0])).toEqual([
      'Tingkat 3 — Terdefinisi',
      'Tingkat 4 — Terpadu dan Terukur',
    ]);
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Budi Santoso: Tingkat 4 — Terpadu dan Terukur untuk indikator 3',
      }),
    ).toBeInTheDocument();
  });
});

describe('versions with the same value', () => {
  it('says only the justification differs and names each choice by its justification', () => {
    const a = side('1', 'Muhammad Rizki', 3, 4);
    const b = side('2', 'Muhammad Rizki', 3, 4);
    a.answer.justification = 'SOP layanan ditetapkan dan diukur setiap triwulan.';
    b.answer.justification = 'SOP layanan ditetapkan; pengukuran belum berjalan.';
    b.sourceLabels = ['Muhammad Rizki (2).spbe'];
    renderCard({ indicator: 3, indicatorName: 'Kebijakan', sides: [a, b] }, pack59);
    expect(
      screen.getByText((_, el) => el?.classList.contains('conflict-diff') ?? false),
    ).toHaveTextContent(
      'Tingkat sama pada semua versi: Tingkat 4 — Terpadu dan Terukur. Yang berbeda hanya penjelasan.',
    );
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Muhammad Rizki (Muhammad Rizki.spbe): Tingkat 4 — Terpadu dan Terukur, dengan penjelasan "SOP layanan ditetapkan dan diukur setiap triwulan." untuk indikator 3',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Muhammad Rizki (Muhammad Rizki (2).spbe): Tingkat 4 — Terpadu dan Terukur, dengan penjelasan "SOP layanan ditetapkan; pengukuran belum berjalan." untuk indikator 3',
      }),
    ).toBeInTheDocument();
    // Both justifications in full, each in its own version.
    expect(
      within(
        screen.getByRole('region', {
          name: 'Versi Muhammad Rizki (Muhammad Rizki (2).spbe) untuk indikator 3',
        }),
      ).getByText('SOP layanan ditetapkan; pengukuran belum berjalan.'),
    ).toBeInTheDocument();
  });
});

describe('the choices of several cards, heard one by one', () => {
  it('name their indicator, so that no two controls of the screen read the same', () => {
    // Two 59/2020 conflicts where Ani and Budi hold the same two levels.
    const conflict = (indicator: number): Conflict => ({
      indicator,
      indicatorName: findIndicator(pack59, indicator)?.indicator.name ?? '',
      sides: [side('1', 'Ani Rahmawati', indicator, 2), side('2', 'Budi Santoso', indicator, 3)],
    });
    render(
      <>
        {[3, 4].map((n) => (
          <ConflictCard
            key={n}
            conflict={conflict(n)}
            pack={pack59}
            draft={{ ...emptyDecision, choice: 'written' }}
            onChange={() => undefined}
            problems={[]}
          />
        ))}
      </>,
    );
    const names = [
      ...screen.getAllByRole('radio'),
      ...screen.getAllByRole('combobox'),
      ...screen.getAllByRole('textbox'),
    ].map((control) =>
      ((control as HTMLInputElement).labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(names).toHaveLength(14);
    expect(new Set(names).size).toBe(names.length);
    expect(
      screen.getByRole('radio', { name: 'Tetapkan jawaban lain untuk indikator 4' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', {
        name: 'Ambil versi Ani Rahmawati: Tingkat 2 — Terkelola untuk indikator 3',
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Tingkat yang ditetapkan (indikator 4)')).toBeInTheDocument();
  });
});

describe('a written decision', () => {
  it('requires a value, said at the field', () => {
    renderCard(
      {
        indicator: 10,
        indicatorName: findIndicator(pemdi, 10)?.indicator.name ?? '',
        sides: [side('1', 'Ani Rahmawati', 10, 2.5), side('2', 'Budi Santoso', 10, 3.1)],
      },
      pemdi,
      { ...emptyDecision, choice: 'written', reason: 'x' },
    );
    const field = screen.getByLabelText('Nilai yang ditetapkan (indikator 10)');
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription('Nilai yang ditetapkan wajib diisi.');
  });

  it('says at the field that a value out of the scale is not valid', () => {
    renderCard(
      {
        indicator: 10,
        indicatorName: findIndicator(pemdi, 10)?.indicator.name ?? '',
        sides: [side('1', 'Ani Rahmawati', 10, 2.5), side('2', 'Budi Santoso', 10, 3.1)],
      },
      pemdi,
      { ...emptyDecision, choice: 'written', value: '6,00', reason: 'x' },
    );
    const field = screen.getByLabelText('Nilai yang ditetapkan (indikator 10)');
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription(
      'Nilai yang ditetapkan tidak sah: Nilai harus antara 1,00 dan 5,00.',
    );
  });
});
