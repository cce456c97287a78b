/**
 * A running check of a .spbe file shows its progress and a "Batalkan" button from the start;
 * cancelling closes the check, the file is never reported opened, and nothing is stored. Driven by
 * state (the file's bytes arrive only when the test hands them over), never by time.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { db } from '../../../renderer/src/db/db';
import { BundleOpener } from '../../../renderer/src/features/exchange/bundle-opener';
import type { PickedFile, Platform } from '../../../renderer/src/platform/types';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';

const platform = { kind: 'web' } as Platform;

/** A picked file whose bytes are handed over only when `release` is called. */
function heldFile(blob: Blob): { file: PickedFile; release: () => void; asked: Promise<void> } {
  let release: () => void = () => undefined;
  let asked: () => void = () => undefined;
  const askedPromise = new Promise<void>((r) => (asked = r));
  const held = new Promise<Blob>((resolve) => {
    release = () => resolve(blob);
  });
  const file: PickedFile = {
    name: 'tim-a.spbe',
    size: blob.size,
    type: '',
    lastModified: 0,
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
    blob: () => {
      asked();
      return held;
    },
  };
  return { file, release, asked: askedPromise };
}

beforeEach(async () => {
  await resetDatabase();
});

describe('checking a file', () => {
  it('can be cancelled with "Batalkan" while it runs, and nothing is opened or stored', async () => {
    const m = memorySink();
    await writeBundle(m.sink, writeInput(makeFixture({ seed: 3, evidenceSizes: [900] }), 'Tim A'), {
      includeEvidence: true,
    });
    const { file, release, asked } = heldFile(await m.blob());
    const onOpened = vi.fn();
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(
      <PlatformContext.Provider value={platform}>
        <BundleOpener file={file} onOpened={onOpened} onClose={onClose} />
      </PlatformContext.Provider>,
    );
    await asked;
    const region = screen.getByRole('region', { name: 'Membuka berkas tim-a.spbe' });
    expect(region).toContainElement(
      screen.getByRole('progressbar', { name: 'Memeriksa berkas tim-a.spbe' }),
    );
    await user.click(screen.getByRole('button', { name: 'Batalkan' }));
    release();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onOpened).not.toHaveBeenCalled();
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });
});
