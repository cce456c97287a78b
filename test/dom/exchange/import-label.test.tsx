/**
 * A file whose evaluation would sit beside one of the same instansi and year bearing the same
 * name: the summary says the name the import gives it ("… (salinan 2)"), as the import does.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { App } from '../../../renderer/src/app/app';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { commitImport, openBundle } from '../../../renderer/src/db/commands/import';
import { dropImport } from '../../../renderer/src/features/exchange/hand-over';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import type { PickedFile } from '../../../renderer/src/platform/types';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const actor = { id: null, name: 'Koordinator Uji' };

async function bundleOf(f: Fixture): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, 'Ani Rahmawati'), { includeEvidence: false });
  return m.blob();
}

const platformReceiving = () => testPlatform({ kind: 'desktop' });

/** The file handed to the import screen, taken off its queue after each test. */
let delivered: PickedFile | undefined;

async function summaryOf(blob: Blob): Promise<void> {
  const { platform, deliver } = platformReceiving();
  render(<App platform={platform} />);
  await screen.findByRole('heading', { level: 1, name: 'Daftar Evaluasi' });
  delivered = pickedFromBlob(blob, 'ani.spbe');
  deliver(delivered);
  await screen.findByRole('heading', { name: 'Ringkasan berkas' });
}

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});
afterEach(() => {
  cleanup();
  if (delivered) dropImport(delivered);
  delivered = undefined;
});

describe('the summary of a file beside an evaluation of the same name', () => {
  it('names the new evaluation as a second one', async () => {
    await createEvaluation(sampleInput({ year: 2026 }), actor);
    await summaryOf(await bundleOf(makeFixture({ seed: 71 })));
    expect(await screen.findByText(/Impor membuat evaluasi baru/)).toHaveTextContent(
      'Evaluasi baru itu diberi nama “Pemerintah Kota Balikpapan (salinan 2)” karena sudah ada evaluasi Pemerintah Kota Balikpapan tahun 2026 dengan nama yang sama.',
    );
  });

  it('names a separate copy as a second one', async () => {
    const blob = await bundleOf(makeFixture({ seed: 72 }));
    await commitImport(await openBundle(blob, 'ani.spbe', {}), {
      mode: 'create',
      confirmed: false,
      actor,
    });
    await summaryOf(blob);
    expect(await screen.findByText(/Bila diimpor sebagai salinan terpisah/)).toHaveTextContent(
      'Bila diimpor sebagai salinan terpisah, salinan itu diberi nama “Pemerintah Kota Balikpapan (salinan 2)” karena sudah ada evaluasi Pemerintah Kota Balikpapan tahun 2026 dengan nama yang sama.',
    );
  });

  it('says nothing of a name for one alone in its instansi and year', async () => {
    await createEvaluation(sampleInput({ year: 2025 }), actor);
    await summaryOf(await bundleOf(makeFixture({ seed: 73 })));
    expect(await screen.findByText(/Impor membuat evaluasi baru/)).not.toHaveTextContent(
      'diberi nama',
    );
  });
});
