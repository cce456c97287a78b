/**
 * The profile screens with both packs: the new-evaluation summary links by the chosen pack's
 * mapping (and says quietly when there is none), and the list names the instruments a profile
 * maps.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProfile, mappingOf, type Profile } from '../../../shared/profiles';
import { ProfileSummary } from '../../../renderer/src/features/profiles/profile-picker';
import { mappingSummary } from '../../../renderer/src/features/profiles/profile-text';
import { resetDatabase } from '../db/helpers';

const P59 = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';
const bengkulu = findProfile('kota-bengkulu') as Profile;
const oldShape = (p: Profile): Profile => {
  const { otherMappings: _dropped, ...rest } = p;
  return rest;
};

beforeEach(resetDatabase);
afterEach(cleanup);

describe('new-evaluation summary per pack', () => {
  it('links the regulation to 1–10 on 59/2020', () => {
    render(<ProfileSummary profile={bengkulu} instrumentId={P59} />);
    const summary = screen.getByRole('region', { name: 'Ringkasan profil daerah' });
    expect(summary).toHaveTextContent('ditautkan ke indikator 1–10');
    expect(summary).not.toHaveTextContent('belum memetakan');
  });

  it('links nothing automatically on Pemdi (legal basis only)', () => {
    render(<ProfileSummary profile={bengkulu} instrumentId={PEMDI} />);
    const summary = screen.getByRole('region', { name: 'Ringkasan profil daerah' });
    expect(summary).toHaveTextContent('akan disimpan sebagai bukti dukung');
    expect(summary).not.toHaveTextContent('ditautkan ke indikator');
    expect(summary).not.toHaveTextContent('belum memetakan');
  });

  it('says quietly that an old profile maps nothing to Pemdi', () => {
    render(<ProfileSummary profile={oldShape(bengkulu)} instrumentId={PEMDI} />);
    expect(
      screen.getByText('Profil ini belum memetakan pasal ke indikator PermenPANRB 8/2026.'),
    ).toBeVisible();
  });
});

describe('profile list', () => {
  it('names each mapped instrument with the number of indicators mapped', () => {
    const n59 = bengkulu.mapping.filter((e) => e.articles.length > 0).length;
    const nPemdi = (mappingOf(bengkulu, PEMDI) ?? []).length;
    expect(mappingSummary(bengkulu)).toBe(
      `Pemetaan pasal: PermenPANRB 59/2020 (${n59} indikator), PermenPANRB 8/2026 (${nPemdi} indikator)`,
    );
    expect(mappingSummary(oldShape(bengkulu))).toBe(
      `Pemetaan pasal: PermenPANRB 59/2020 (${n59} indikator)`,
    );
  });
});
