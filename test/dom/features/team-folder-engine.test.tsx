/**
 * The team folder's engine against an in-memory TeamFolder: a teammate's file is imported without
 * a click (both packs); a conflicting change waits for the coordinator and opens the merge screen
 * with the file; a file cut off while it arrives is retried and imported once complete; an
 * unreachable folder is said in the status bar while local edits are still saved, and our own
 * file is written again once the folder is back.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyAnswerEdit,
  emptyAnswer,
  type Answer,
  type EvaluationId,
  type Member,
  type NewEvaluationInput,
} from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { teamFilePath } from '../../../shared/team-folder';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { readExportSnapshot } from '../../../renderer/src/db/commands/export';
import { webSha256 } from '../../../renderer/src/db/commands/hash';
import { commitImport, openBundle } from '../../../renderer/src/db/commands/import';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { db } from '../../../renderer/src/db/db';
import { dropMerge } from '../../../renderer/src/features/exchange/hand-over';
import { MergePage } from '../../../renderer/src/features/merge/merge-page';
import { SettingsPage } from '../../../renderer/src/features/settings/settings-page';
import type { TeamFolderEngine } from '../../../renderer/src/features/team-folder/engine';
import {
  TeamFolderProvider,
  useTeamFolder,
} from '../../../renderer/src/features/team-folder/team-folder-context';
import { TeamFolderStatus } from '../../../renderer/src/features/team-folder/team-folder-status';
import type { Platform, TeamFolderAccess } from '../../../renderer/src/platform/types';
import { memorySink } from '../../unit/bundle/fixtures';
import { memoryFolder } from '../support/memory-team-folder';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

const p59 = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;

let engine: TeamFolderEngine | null = null;
function CaptureEngine() {
  engine = useTeamFolder()?.engine ?? null;
  return null;
}

function renderShell(access: TeamFolderAccess, at = '/pengaturan') {
  const platform = { kind: 'web', teamFolder: access } as unknown as Platform;
  return render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <MemoryRouter initialEntries={[at]}>
          {/* The poll is left to the test (engine.pass()); the quiet after a change is none. */}
          <TeamFolderProvider timings={{ quietMs: 0, pollMs: 3_600_000 }}>
            <CaptureEngine />
            <Routes>
              <Route path="pengaturan" element={<SettingsPage />} />
              <Route path="gabung" element={<MergePage />} />
              <Route path="impor" element={<h1>Impor berkas</h1>} />
            </Routes>
            <TeamFolderStatus />
          </TeamFolderProvider>
        </MemoryRouter>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}

const edit = (value: number | null) => ({
  value,
  justification: 'Penjelasan uji',
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

interface Team {
  id: EvaluationId;
  pack: InstrumentPack;
  ani: Member;
  budi: Member;
}

/** An evaluation with Ani (this computer: indicators 1–2) and Budi (indicators 1 and 3). */
async function setUp(pack: InstrumentPack, input: Partial<NewEvaluationInput> = {}): Promise<Team> {
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version, ...input }),
    ANONYMOUS,
  );
  const member = (name: string, indicators: number[]) =>
    addMember(id, { name, nip: '', position: '', role: 'member', indicators }, ANONYMOUS);
  const ani = await member('Ani Rahmawati', [1, 2]);
  const budi = await member('Budi Santoso', [1, 3]);
  await setCurrentMember(id, ani.id);
  await saveAnswer(id, 1, edit(2), { id: ani.id, name: ani.name });
  return { id, pack, ani, budi };
}

/**
 * Budi's file: this computer's current state as Budi would have it after the last exchange, with
 * his edits applied on top (new revisions of the exchanged answers), only his indicators.
 */
async function budiFile(
  team: Team,
  edits: Record<number, number>,
  password?: string,
): Promise<Blob> {
  const snapshot = await readExportSnapshot(team.id);
  const byIndicator = new Map(snapshot.answers.map((a) => [a.indicator, a]));
  const at = Date.now() + 60_000;
  for (const [n, value] of Object.entries(edits)) {
    const indicator = Number(n);
    const previous: Answer = byIndicator.get(indicator) ?? {
      ...emptyAnswer(team.id, indicator),
      revisionOpen: false,
    };
    const next = applyAnswerEdit(previous, edit(value), team.budi.id, at);
    byIndicator.set(indicator, { ...next, revisionOpen: false });
  }
  const m = memorySink();
  await writeBundle(
    m.sink,
    {
      snapshot: { ...snapshot, answers: [...byIndicator.values()] },
      pack: team.pack,
      appVersion: __APP_VERSION__,
      exportedBy: { memberId: team.budi.id, name: team.budi.name, nip: '' },
      tombstones: [],
    },
    { includeEvidence: false, indicators: team.budi.indicators, hash: webSha256, password },
  );
  return m.blob();
}

const budiPath = async (team: Team) =>
  teamFilePath((await db.evaluations.get(team.id))!, 'Budi Santoso');
const aniPath = async (team: Team) =>
  teamFilePath((await db.evaluations.get(team.id))!, 'Ani Rahmawati');
const valueOf = async (team: Team, indicator: number) =>
  (await db.answers.get([team.id, indicator]))?.value ?? null;
const imports = async (team: Team) =>
  (await db.audit.where('evaluationId').equals(team.id).toArray()).filter(
    (e) => e.entity === 'evaluation' && e.action === 'import',
  );

/** Lets the engine start (remembered folder, first pass writing our file). */
async function started(folder: ReturnType<typeof memoryFolder>, team: Team): Promise<void> {
  const path = await aniPath(team);
  await waitFor(() => expect(folder.files.has(path)).toBe(true));
  await engine!.pass();
}

afterEach(cleanup);

beforeEach(async () => {
  await resetDatabase();
  dropMerge();
  engine = null;
});

describe('team folder engine', () => {
  it.each([
    ['59/2020', p59, 4],
    ['Pemdi', pemdi, 3.25],
  ] as const)(
    'imports a teammate file without a click and writes only my indicators (%s)',
    async (_label, pack, value) => {
      const team = await setUp(pack);
      const folder = memoryFolder();
      renderShell(folder.access);
      await started(folder, team);
      const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
      expect(within(bar).getByText('Folder tim: Tim Balikpapan')).toBeInTheDocument();

      const section = screen.getByRole('region', { name: 'Folder tim' });
      expect(
        within(section).getByText(
          /^Pemerintah Kota Balikpapan 2026 \(\w{8}\)\/Ani Rahmawati\.spbe — ditulis /,
        ),
      ).toBeVisible();
      // Our own file: Ani's indicators only, exported by Ani, never imported back.
      const own = await openBundle(folder.files.get(await aniPath(team))!.blob, 'ani.spbe');
      expect(own.bundle.manifest.exportedBy.name).toBe('Ani Rahmawati');
      expect(own.bundle.manifest.snapshot.answers.map((a) => a.indicator)).toEqual([1]);

      folder.put(await budiPath(team), await budiFile(team, { 3: value }));
      await engine!.pass();
      await waitFor(async () => expect(await valueOf(team, 3)).toBe(value));
      expect(await imports(team)).toHaveLength(1);
      expect(
        within(bar).getByText(/^Budi Santoso — diterima \d{1,2} \w+ \d{4} pukul/),
      ).toBeVisible();

      // Seen again unchanged: nothing more is imported.
      await engine!.pass();
      expect(await imports(team)).toHaveLength(1);
      expect(await valueOf(team, 1)).toBe(2);
    },
  );

  it('looks at the folder when the platform reports a change (watch)', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    folder.put(await budiPath(team), await budiFile(team, { 3: 3 }));
    folder.changed();
    await waitFor(async () => expect(await valueOf(team, 3)).toBe(3));
  });

  it('carries the evidence bytes when the team chose so', async () => {
    const team = await setUp(p59);
    await addEvidenceFile(team.id, pdfFile('perwal.pdf'), ANONYMOUS, {
      linkTo: { indicator: 1, levels: [2] },
    });
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    const before = await openBundle(folder.files.get(await aniPath(team))!.blob, 'ani.spbe');
    expect(before.bundle.manifest.evidenceIncluded).toBe(false);
    expect(before.bundle.manifest.snapshot.evidence.map((e) => e.fileName)).toEqual(['perwal.pdf']);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Sertakan berkas bukti dukung' }));
    await waitFor(async () => {
      const after = await openBundle(folder.files.get(await aniPath(team))!.blob, 'ani.spbe');
      expect(after.bundle.manifest.evidenceIncluded).toBe(true);
    });
  });

  it('queues a conflicting change for the coordinator instead of applying it', async () => {
    const user = userEvent.setup();
    const team = await setUp(p59);
    const folder = memoryFolder();
    // The coordinator has the merge screen open already: the files still reach it.
    renderShell(folder.access, '/gabung');
    await screen.findByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' });
    await started(folder, team);
    // Both change indicator 1 after the exchange: Budi to 5, here to 3.
    const budi = await budiFile(team, { 1: 5 });
    await saveAnswer(team.id, 1, edit(3), { id: team.ani.id, name: team.ani.name });
    folder.put(await budiPath(team), budi);
    await engine!.pass();

    const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
    await within(bar).findByText('1 perubahan menunggu keputusan');
    expect(await valueOf(team, 1)).toBe(3);
    expect(await imports(team)).toHaveLength(0);
    // Still waiting after another look: never settled by itself.
    await engine!.pass();
    expect(await valueOf(team, 1)).toBe(3);
    // Budi's line does not say his file was taken in ("diterima") while it waits.
    expect(within(bar).queryByText(/^Budi Santoso — diterima/)).not.toBeInTheDocument();
    expect(
      within(bar).getByText(
        /^Budi Santoso — tiba \d{1,2} \w+ \d{4} pukul \d\d\.\d\d; perubahannya belum diterapkan, menunggu keputusan koordinator$/,
      ),
    ).toBeVisible();

    await user.click(within(bar).getByRole('button', { name: 'Buka penggabungan' }));
    const conflict = await screen.findByRole('article', { name: /^Indikator 1\. / });
    expect(
      within(conflict).getByRole('region', { name: 'Versi Budi Santoso untuk indikator 1' }),
    ).toBeVisible();
    expect(within(bar).queryByText(/menunggu keputusan/)).not.toBeInTheDocument();
    expect(await valueOf(team, 1)).toBe(3);
  });

  it('retries a file cut off while it arrives and imports it once complete', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    const whole = await budiFile(team, { 3: 5 });
    const path = await budiPath(team);
    folder.put(path, whole.slice(0, Math.floor(whole.size / 2)));
    await engine!.pass();
    const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
    expect(
      within(bar).getByText('Budi Santoso — berkas sedang ditulis, dibaca lagi sebentar lagi'),
    ).toBeVisible();
    await engine!.pass();
    expect(within(bar).queryByText(/tidak dapat dibaca/)).not.toBeInTheDocument();
    expect(await valueOf(team, 3)).toBeNull();

    folder.put(path, whole);
    await engine!.pass();
    await waitFor(async () => expect(await valueOf(team, 3)).toBe(5));
    expect(within(bar).getByText(/^Budi Santoso — diterima/)).toBeVisible();
  });

  it('reports a file that stays cut off and unchanged as unreadable, after several looks', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    const whole = await budiFile(team, { 3: 5 });
    folder.put(await budiPath(team), whole.slice(0, 100));
    for (let i = 0; i < 3; i += 1) await engine!.pass();
    // The status bar, on every screen, says it in one short line; Settings says why.
    const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
    expect(
      within(bar).getByText(
        'Budi Santoso — berkas tidak dapat dibaca; sebabnya di Pengaturan, Folder tim',
      ),
    ).toBeVisible();
    const section = screen.getByRole('region', { name: 'Folder tim' });
    expect(within(section).getByText(/^Budi Santoso — berkas tidak dapat dibaca: /)).toBeVisible();
    expect(await imports(team)).toHaveLength(0);
  });

  it('says at once that a password-protected file cannot be read from the folder, and what to do', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    folder.put(await budiPath(team), await budiFile(team, { 3: 5 }, 'rahasia-tim'));
    await engine!.pass();
    const section = screen.getByRole('region', { name: 'Folder tim' });
    // Not "sedang ditulis" (it never becomes readable by waiting), nor "Masukkan kata sandi"
    // (there is nowhere to type one here).
    expect(
      within(section).getByText(
        'Budi Santoso — berkas tidak dapat dibaca: Berkas ini dilindungi kata sandi, jadi folder tim tidak dapat membacanya. Buka berkas ini lewat "Buka berkas .spbe" di Daftar Evaluasi dengan kata sandinya, atau minta pengirimnya menaruh berkas tanpa kata sandi di folder tim.',
      ),
    ).toBeVisible();
    expect(await valueOf(team, 3)).toBeNull();
  });

  it('says when the folder cannot be reached, keeps local edits, and writes again when back', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    folder.state.reachable = false;
    await engine!.pass();
    const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
    expect(
      within(bar).getByText(
        'Folder tim tidak dapat dijangkau — pekerjaan tetap tersimpan di komputer ini',
      ),
    ).toBeVisible();

    await saveAnswer(team.id, 2, edit(4), { id: team.ani.id, name: team.ani.name });
    expect(await valueOf(team, 2)).toBe(4);
    await engine!.pass();
    expect(within(bar).getByText(/tidak dapat dijangkau/)).toBeVisible();

    folder.state.reachable = true;
    await engine!.pass();
    await waitFor(async () => {
      const own = await openBundle(folder.files.get(await aniPath(team))!.blob, 'ani.spbe');
      expect(own.bundle.manifest.snapshot.answers.find((a) => a.indicator === 2)?.value).toBe(4);
    });
    expect(within(bar).queryByText(/tidak dapat dijangkau/)).not.toBeInTheDocument();
  });

  it('records the automatic writes of one file once a day in the history, not per write', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    const writes = async () =>
      (await db.audit.where('evaluationId').equals(team.id).toArray()).filter(
        (r) => r.action === 'export',
      );
    expect(await writes()).toHaveLength(1);
    expect((await writes())[0]!.note).toMatch(/^Ditulis ke folder tim sebagai Ani Rahmawati\.spbe/);
    for (const value of [3, 4]) {
      await saveAnswer(team.id, 2, edit(value), { id: team.ani.id, name: team.ani.name });
      await engine!.pass();
      await waitFor(async () => {
        const own = await openBundle(folder.files.get(await aniPath(team))!.blob, 'ani.spbe');
        expect(own.bundle.manifest.snapshot.answers.find((a) => a.indicator === 2)?.value).toBe(
          value,
        );
      });
    }
    expect(await writes()).toHaveLength(1);
  });

  it.each([
    [
      'another instrument, same instansi and year',
      {},
      'Budi Santoso — Pemerintah Kota Balikpapan 2026, PermenPANRB 8/2026 (evaluasi lain yang belum ada di komputer ini, walau instansi dan tahunnya sama dengan evaluasi di sini)',
    ],
    [
      'another year',
      { year: 2025 },
      'Budi Santoso — Pemerintah Kota Balikpapan 2025, PermenPANRB 8/2026 (tahun lain: evaluasi instansi ini di komputer ini untuk tahun lain; pastikan berkas ini memang untuk tim Anda)',
    ],
    [
      'another instansi',
      { instansi: { ...sampleInput().instansi, name: 'Pemerintah Kabupaten Paser' } },
      'Budi Santoso — Pemerintah Kabupaten Paser 2026, PermenPANRB 8/2026 (instansi lain: belum ada evaluasi instansi ini di komputer ini; pastikan berkas ini memang untuk tim Anda)',
    ],
  ] as const)(
    'says why a file of an evaluation not here waits (%s)',
    async (_case, input, line) => {
      const team = await setUp(p59);
      const other = await setUp(pemdi, input);
      const otherFile = await budiFile(other, { 3: 2.5 });
      const otherPath = await budiPath(other);
      await deleteEvaluation(other.id);
      const folder = memoryFolder();
      renderShell(folder.access);
      await started(folder, team);
      folder.put(otherPath, otherFile);
      await engine!.pass();
      const section = screen.getByRole('region', { name: 'Folder tim' });
      const item = await within(section).findByText(
        (_t, el) =>
          el?.tagName === 'LI' &&
          el.textContent.startsWith('Budi Santoso — ') &&
          el.textContent.endsWith('Impor'),
      );
      expect(item).toHaveTextContent(`${line} Impor`);
    },
  );

  it('lists a file of an evaluation not on this computer with an Impor button, never importing it', async () => {
    const user = userEvent.setup();
    const team = await setUp(p59);
    const other = await setUp(pemdi);
    const otherFile = await budiFile(other, { 3: 2.5 });
    const otherPath = await budiPath(other);
    await deleteEvaluation(other.id);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    folder.put(otherPath, otherFile);
    await engine!.pass();
    expect(await db.evaluations.get(other.id)).toBeUndefined();
    expect(
      within(screen.getByRole('contentinfo', { name: 'Status folder tim' })).getByText(
        /^Budi Santoso — tiba .+; belum diimpor, perlu diimpor sendiri \(Pengaturan, Folder tim\)$/,
      ),
    ).toBeVisible();
    const section = screen.getByRole('region', { name: 'Folder tim' });
    await user.click(
      await within(section).findByRole('button', {
        name: 'Impor berkas Budi Santoso — Pemerintah Kota Balikpapan 2026, PermenPANRB 8/2026',
      }),
    );
    await screen.findByRole('heading', { name: 'Impor berkas' });
    expect(await db.evaluations.get(other.id)).toBeUndefined();
  });

  it('keeps a file to import listed until it is imported, also when its import is cancelled', async () => {
    const user = userEvent.setup();
    const team = await setUp(p59);
    const other = await setUp(pemdi, { year: 2025 });
    const otherFile = await budiFile(other, { 3: 2.5 });
    const otherPath = await budiPath(other);
    await deleteEvaluation(other.id);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    folder.put(otherPath, otherFile);
    await engine!.pass();
    const impor = {
      name: 'Impor berkas Budi Santoso — Pemerintah Kota Balikpapan 2025, PermenPANRB 8/2026',
    };
    await user.click(
      await within(screen.getByRole('region', { name: 'Folder tim' })).findByRole('button', impor),
    );
    await screen.findByRole('heading', { name: 'Impor berkas' });
    // The coordinator cancels there: the file is still waiting.
    await engine!.pass();
    expect(engine!.getView().pending.map((p) => p.path)).toEqual([otherPath]);
    // Imported later: it leaves the list.
    await commitImport(await openBundle(otherFile, 'budi.spbe'), {
      mode: 'create',
      confirmed: true,
      actor: ANONYMOUS,
    });
    await engine!.pass();
    expect(engine!.getView().pending).toEqual([]);
  });

  it('forgets a teammate file deleted from the folder', async () => {
    const team = await setUp(p59);
    const folder = memoryFolder();
    renderShell(folder.access);
    await started(folder, team);
    const path = await budiPath(team);
    folder.put(path, await budiFile(team, { 3: 4 }));
    await engine!.pass();
    const bar = screen.getByRole('contentinfo', { name: 'Status folder tim' });
    expect(within(bar).getByText(/^Budi Santoso — diterima/)).toBeVisible();
    folder.files.delete(path);
    await engine!.pass();
    expect(within(bar).queryByText(/^Budi Santoso/)).not.toBeInTheDocument();
    expect(await valueOf(team, 3)).toBe(4);
  });

  it('asks for permission again in Settings when the browser needs it', async () => {
    const folder = memoryFolder();
    let granted = false;
    const access: TeamFolderAccess = {
      ...folder.access,
      remembered: async () => ({ state: 'needs-permission', label: 'Tim Balikpapan' }),
      grant: async () => {
        granted = true;
        return folder.access.choose();
      },
    };
    renderShell(access);
    const section = await screen.findByRole('region', { name: 'Folder tim' });
    await userEvent.click(
      await within(section).findByRole('button', { name: 'Izinkan akses ke folder tim' }),
    );
    expect(granted).toBe(true);
    expect(await within(section).findByText('Terhubung.')).toBeVisible();
    expect(
      within(section).queryByRole('button', { name: 'Izinkan akses ke folder tim' }),
    ).not.toBeInTheDocument();
  });

  it('offers the choice in Settings and says so where the browser cannot keep a folder', async () => {
    const folder = memoryFolder();
    const none: TeamFolderAccess = {
      ...folder.access,
      remembered: async () => ({ state: 'none' }),
    };
    const { unmount } = renderShell(none);
    const section = await screen.findByRole('region', { name: 'Folder tim' });
    await userEvent.click(within(section).getByRole('button', { name: 'Pilih folder tim…' }));
    expect(await within(section).findByText('Tim Balikpapan')).toBeVisible();
    expect(within(section).getByRole('button', { name: 'Ganti folder…' })).toBeVisible();
    expect(within(section).getByRole('button', { name: 'Lepaskan folder tim' })).toBeVisible();
    const evidence = within(section).getByRole('checkbox', {
      name: 'Sertakan berkas bukti dukung',
    });
    expect(evidence).not.toBeChecked();
    await userEvent.click(evidence);
    // The box shows the click at once, not the old value until the setting is read back.
    expect(evidence).toBeChecked();
    await waitFor(async () =>
      expect((await db.settings.get('teamFolderIncludeEvidence'))?.value).toBe(true),
    );
    unmount();

    renderShell({ ...none, supported: false });
    const plain = await screen.findByRole('region', { name: 'Folder tim' });
    expect(within(plain).getByText(/Peramban ini tidak dapat menyimpan folder tim/)).toBeVisible();
    expect(within(plain).queryByRole('button')).not.toBeInTheDocument();
  });
});
