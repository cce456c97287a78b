/**
 * The "Peraturan daerah" panel of the scoring form with both packs: it shows the mapping of the
 * evaluation's instrument (59/2020 numbers on a 59/2020 evaluation, Pemdi codes on a Pemdi one)
 * and, for a profile with no mapping for that instrument, one quiet line instead of another
 * instrument's numbers.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { findProfile, profileInstansiDefaults, type Profile } from '../../../shared/profiles';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { saveCustomProfile } from '../../../renderer/src/db/commands/profiles';
import { RegionalArticles } from '../../../renderer/src/features/profiles/regional-articles';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const pack59 = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const bengkulu = findProfile('kota-bengkulu') as Profile;

async function open(pack: InstrumentPack, profile: Profile, indicator: number): Promise<void> {
  const id = await createEvaluation(
    sampleInput({
      instrumentId: pack.id,
      instrumentVersion: pack.version,
      profileId: profile.id,
      instansi: profileInstansiDefaults(profile),
    }),
    actor,
    null,
    profile,
  );
  render(
    <WorkspaceProvider id={id}>
      <RegionalArticles number={indicator} justification="" onUseArgument={() => undefined} />
    </WorkspaceProvider>,
  );
  await screen.findByRole('heading', { name: 'Peraturan daerah' });
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('regional articles per pack', () => {
  it('shows the 59/2020 mapping on a 59/2020 evaluation', async () => {
    await open(pack59, bengkulu, 3);
    const list = screen.getByRole('list', { name: 'Pasal yang dirujuk untuk indikator 3' });
    expect(list).toBeVisible();
    expect(
      screen.getByText(bengkulu.mapping.find((m) => m.indicator === 3)?.covers ?? '?'),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Saran argumen tingkat' })).toBeVisible();
    expect(screen.queryByText(/belum memetakan/)).toBeNull();
  });

  it('shows the Pemdi mapping, by code, on a Pemdi evaluation', async () => {
    await open(pemdi, bengkulu, 3);
    expect(
      screen.getByRole('list', { name: 'Pasal yang dirujuk untuk indikator 2.1' }),
    ).toBeVisible();
    expect(screen.getByText('Dasar kewajiban (bukan bukti pelaksanaan)')).toBeVisible();
    expect(screen.getByText(/Manajemen SDM SPBE/)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Saran argumen nilai' })).toBeVisible();
    expect(screen.queryByText(/belum memetakan/)).toBeNull();
  });

  it('says a Pemdi indicator the regulation does not cover is not mapped', async () => {
    await open(pemdi, bengkulu, 6);
    expect(
      screen.getByText('Profil daerah tidak memetakan pasal peraturan ini ke indikator 3.2.'),
    ).toBeVisible();
  });

  it('says quietly that a profile without a Pemdi mapping maps nothing to Pemdi', async () => {
    const { otherMappings: _dropped, ...old } = { ...bengkulu, id: 'kota-lama' };
    await saveCustomProfile(old, 'create');
    await open(pemdi, old, 3);
    expect(
      await screen.findByText('Profil ini belum memetakan pasal ke indikator PermenPANRB 8/2026.'),
    ).toBeVisible();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('the full text of an article', () => {
  it('is a named region a keyboard user can reach to scroll (axe scrollable-region-focusable)', async () => {
    await open(pack59, bengkulu, 3);
    const user = userEvent.setup();
    const summary = screen.getAllByText(/^Teks lengkap /)[0]!;
    const label = summary.textContent ?? '';
    await user.click(summary);
    const region = screen.getByRole('region', { name: label });
    expect(region).toHaveClass('article-full');
    await user.tab();
    expect(region).toHaveFocus();
  });
});
