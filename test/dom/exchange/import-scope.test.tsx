/**
 * An assessor's "only mine" file on the coordinator's laptop: the summary says which of the
 * file's indicators hold no answer, before the coordinator relies on it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { App } from '../../../renderer/src/app/app';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { testPlatform } from '../support/platform';

const platformReceiving = () => testPlatform({ kind: 'desktop' });

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});
afterEach(cleanup);

describe('the summary of an "only mine" file', () => {
  it('says which of the file’s indicators hold no answer', async () => {
    const f = makeFixture({ seed: 62, levels: { 1: 3, 2: 2 } });
    const m = memorySink();
    await writeBundle(m.sink, writeInput(f, 'Ani Rahmawati'), {
      includeEvidence: false,
      indicators: [1, 2, 3, 9],
    });
    const { platform, deliver } = platformReceiving();
    render(<App platform={platform} />);
    await screen.findByRole('heading', { level: 1, name: 'Daftar Evaluasi' });
    deliver(pickedFromBlob(m.blob(), 'ani.spbe'));
    await screen.findByRole('heading', { name: 'Ringkasan berkas' });
    expect(screen.getByText('Cakupan').nextElementSibling).toHaveTextContent(
      /^indikator 1–3 dan 9; belum dijawab di berkas ini: indikator 3 dan 9$/,
    );
  });
});
