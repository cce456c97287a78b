/**
 * An evaluation on a pack loaded on this computer that a newer check refuses at start-up: the
 * screen says which pack, why, and that a corrected file loaded on the Instrumen screen opens it
 * again (not "Perbarui aplikasi", which cannot help); loading that file does open it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPack, registerUserPacks } from '../../../shared/instrument';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  installPack,
  loadStoredPacks,
  packKey,
  skippedStoredPacks,
} from '../../../renderer/src/db/commands/packs';
import { db } from '../../../renderer/src/db/db';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

const regional = (): Mutable => {
  const copy = JSON.parse(JSON.stringify(findPack('permenpanrb-8-2026'))) as Mutable;
  copy.id = 'pemdi-daerah';
  return copy;
};

beforeEach(async () => {
  registerUserPacks([]);
  await resetDatabase();
});
afterEach(() => {
  cleanup();
  registerUserPacks([]);
});

function showWorkspace(id: string) {
  render(
    <MemoryRouter>
      <NoticeProvider>
        <WorkspaceProvider id={id as never}>
          <p>Ruang kerja terbuka</p>
        </WorkspaceProvider>
      </NoticeProvider>
    </MemoryRouter>,
  );
}

describe('an evaluation whose loaded pack is skipped at start-up', () => {
  it('says why and how to open it, and opens once a corrected file is loaded', async () => {
    const pack = regional();
    expect(await installPack(pack)).toMatchObject({ ok: true, added: true });
    const id = await createEvaluation(
      sampleInput({ instrumentId: 'pemdi-daerah', instrumentVersion: pack.version as string }),
      ANONYMOUS,
    );
    // The stored copy no longer passes the app's check (a later version checks more).
    const key = packKey('pemdi-daerah', pack.version as string);
    await db.settings.put({ key, value: { ...pack, targets: { ...pack.targets, index: 9 } } });
    registerUserPacks([]);
    await loadStoredPacks();
    expect(skippedStoredPacks().map((s) => s.key)).toEqual([key]);

    showWorkspace(id);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /paket instrumen pemdi-daerah versi 1\.0\.0 yang pernah dimuat di komputer ini, tetapi paket itu tidak lolos pemeriksaan aplikasi lagi: Target indeks 9 di luar skala/,
    );
    expect(alert).toHaveTextContent(/melalui layar Instrumen/);
    expect(alert).not.toHaveTextContent(/Perbarui aplikasi/);
    expect(await db.evaluations.get(id)).toBeDefined();

    // The corrected file replaces the stored copy, and the evaluation opens.
    expect(await installPack(regional())).toMatchObject({ ok: true, added: true });
    expect(skippedStoredPacks()).toEqual([]);
  });

  it('still asks for an update when no pack of that id and version was ever loaded here', async () => {
    const pack = regional();
    await installPack(pack);
    const id = await createEvaluation(
      sampleInput({ instrumentId: 'pemdi-daerah', instrumentVersion: pack.version as string }),
      ANONYMOUS,
    );
    await db.settings.delete(packKey('pemdi-daerah', pack.version as string));
    registerUserPacks([]);
    await loadStoredPacks();
    showWorkspace(id);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Evaluasi ini memakai instrumen pemdi-daerah versi 1.0.0 yang tidak dikenal oleh aplikasi ini. Perbarui aplikasi untuk membukanya.',
    );
  });
});
