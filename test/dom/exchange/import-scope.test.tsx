/**
 * An assessor's "only mine" file on the coordinator's laptop: the summary says which of the
 * file's indicators hold no answer, before the coordinator relies on it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { App } from '../../../renderer/src/app/app';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import type { PickedFile, Platform } from '../../../renderer/src/platform/types';
import { webTeamFolder } from '../../../renderer/src/platform/web-team-folder';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';

function platformReceiving(): { platform: Platform; deliver: (file: PickedFile) => void } {
  const listeners = new Set<(file: PickedFile) => void>();
  const unavailable = () => Promise.reject(new Error('tidak tersedia dalam uji'));
  const platform: Platform = {
    kind: 'desktop',
    info: async () => ({
      kind: 'web',
      description: 'uji',
      version: 'uji',
      dataLocation: '',
      backupLocation: '',
    }),
    pickFiles: async () => null,
    saveFile: unavailable,
    openDocument: unavailable,
    openExternalLink: unavailable,
    printToPdf: unavailable,
    backups: {
      list: async () => [],
      write: unavailable,
      read: unavailable,
      remove: unavailable,
      keep: async () => 10,
      setKeep: unavailable,
    },
    teamFolder: webTeamFolder,
    onOpenFile: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { platform, deliver: (file) => listeners.forEach((l) => l(file)) };
}

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
