/**
 * The Berita Acara Rekonsiliasi is dated where the region's documents are signed, as the report
 * is: a Belitung Timur merge with its regional profile reads "Manggar, …", not "Belitung Timur,
 * …" (a place that does not exist); without a profile it keeps the region's name.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';
import { analyzeMerge, applyMerge, sourceFromBundle } from '../../../shared/merge';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { routes } from '../../../renderer/src/app/routes';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { saveMerge } from '../../../renderer/src/db/commands/merge';
import { db } from '../../../renderer/src/db/db';
import { MinutesPage } from '../../../renderer/src/features/merge/minutes-page';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { testPlatform } from '../support/platform';

async function opened(f: Fixture, exporter: string) {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, exporter), { includeEvidence: false });
  return openBundle(m.blob(), `${exporter}.spbe`, {});
}

/** A stored merge of two assessors' files of Belitung Timur; its profile as given. */
async function storedMerge(profileId: string | null): Promise<string> {
  const a = await opened(makeFixture({ seed: 81, levels: { 1: 2 }, evidenceSizes: [] }), 'Ani');
  const b = await opened(makeFixture({ seed: 81, levels: { 2: 3 }, evidenceSizes: [] }), 'Budi');
  const result = applyMerge(
    analyzeMerge({
      pack: defaultPack(),
      inputs: [
        sourceFromBundle('1', 'Ani.spbe', a.bundle),
        sourceFromBundle('2', 'Budi.spbe', b.bundle),
      ],
    }),
    [],
  );
  const id = await saveMerge(result, new Map(), { coordinator: { name: 'Sri', nip: '' } });
  const evaluation = (await db.evaluations.get(id))!;
  await db.evaluations.update(id, {
    profileId,
    instansi: { ...evaluation.instansi, kind: 'kabupaten', regionName: 'Belitung Timur' },
  });
  return result.record.id;
}

function show(mergeId: string) {
  const router = createMemoryRouter([{ path: routes.minutes.pattern, element: <MinutesPage /> }], {
    initialEntries: [routes.minutes({ mergeId })],
  });
  render(
    <PlatformContext.Provider value={testPlatform().platform}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the place of the Berita Acara Rekonsiliasi', () => {
  it("is the one the regional regulation closes with: 'Manggar' for Belitung Timur", async () => {
    show(await storedMerge('kabupaten-belitung-timur'));
    const place = await screen.findByText(/^Manggar, \d{1,2} \p{L}+ \d{4}$/u);
    expect(place).toBeVisible();
    expect(screen.queryByText(/^Belitung Timur, \d/)).toBeNull();
    expect(screen.getByText(/bertempat di Manggar,/)).toBeVisible();
  });

  it("keeps the region's name without a profile", async () => {
    show(await storedMerge(null));
    expect(await screen.findByText(/^Belitung Timur, \d{1,2} \p{L}+ \d{4}$/u)).toBeVisible();
  });
});
