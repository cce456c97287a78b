import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  assessorFileName,
  assessorOfPath,
  conflictsByEvaluation,
  dequeue,
  enqueue,
  evaluationFolderName,
  folderOfPath,
  isBeingWritten,
  MAX_TEAM_NAME,
  mayBeIncomplete,
  needsReading,
  PASSES_BEFORE_BROKEN,
  pendingText,
  safeTeamName,
  sameContent,
  settled,
  stillWriting,
  teamFilePath,
  withoutGone,
  type PendingFile,
} from '../../../shared/team-folder';

const evaluation = {
  id: '3f9a1c2e-7b4d-4e1f-9a0b-1234567890ab',
  year: 2025,
  instansi: { name: 'Pemerintah Kota Balikpapan' },
};

describe('team folder names', () => {
  it('names the evaluation folder after instansi and year with a stable id suffix', () => {
    expect(evaluationFolderName(evaluation)).toBe('Pemerintah Kota Balikpapan 2025 (3f9a1c2e)');
    expect(teamFilePath(evaluation, 'Ani Rahmawati')).toBe(
      'Pemerintah Kota Balikpapan 2025 (3f9a1c2e)/Ani Rahmawati.spbe',
    );
    const other = { ...evaluation, id: '77aa0000-0000-4000-8000-000000000000' };
    expect(evaluationFolderName(other)).not.toBe(evaluationFolderName(evaluation));
  });

  it('removes characters Windows refuses and keeps names bounded', () => {
    expect(assessorFileName('Dr. A/B: "C" <D>?*|\\ ')).toBe('Dr. A B C D.spbe');
    expect(assessorFileName('  ...~.hidden  ')).toBe('hidden.spbe');
    expect(assessorFileName('Budi.')).toBe('Budi.spbe');
    expect(assessorFileName('')).toBe('Asesor.spbe');
    const long = 'Nama Yang Sangat Panjang '.repeat(20);
    expect(assessorFileName(long).length).toBeLessThanOrEqual(MAX_TEAM_NAME);
    expect(assessorFileName(long)).not.toMatch(/\s\.spbe$/);
    const longFolder = evaluationFolderName({ ...evaluation, instansi: { name: long } });
    expect(longFolder.length).toBeLessThanOrEqual(MAX_TEAM_NAME);
    expect(longFolder.endsWith('(3f9a1c2e)')).toBe(true);
  });

  it('never yields a Windows device name', () => {
    for (const name of ['CON', 'nul', 'COM1', 'lpt9', 'aux.txt']) {
      expect(safeTeamName(name, 'x')).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i);
    }
    expect(assessorFileName('CON')).toBe('_CON.spbe');
  });

  it('reads the folder and the assessor back from a path', () => {
    const path = teamFilePath(evaluation, 'Ani Rahmawati');
    expect(folderOfPath(path)).toBe(evaluationFolderName(evaluation));
    expect(assessorOfPath(path)).toBe('Ani Rahmawati');
    expect(folderOfPath('lepas.spbe')).toBe('');
  });
});

describe('team folder passes', () => {
  const entry = { path: 'E/Ani.spbe', size: 100, lastModified: 1_000 };

  it('reads a file never seen, changed in size or time, or waiting for a retry', () => {
    expect(needsReading(entry, undefined)).toBe(true);
    const done = settled(entry, 'h1');
    expect(needsReading(entry, done)).toBe(false);
    expect(needsReading({ ...entry, size: 101 }, done)).toBe(true);
    expect(needsReading({ ...entry, lastModified: 2_000 }, done)).toBe(true);
    expect(needsReading(entry, stillWriting(entry, done))).toBe(true);
  });

  it('tells a touched file from a changed one by its hash', () => {
    const done = settled(entry, 'h1');
    expect(sameContent(done, 'h1')).toBe(true);
    expect(sameContent(done, 'h2')).toBe(false);
    expect(sameContent(undefined, 'h1')).toBe(false);
  });

  it('sees a file being written when size or time moved during the read', () => {
    expect(isBeingWritten(entry, { ...entry })).toBe(false);
    expect(isBeingWritten(entry, { ...entry, size: 200 })).toBe(true);
    expect(isBeingWritten(entry, { ...entry, lastModified: 1_001 })).toBe(true);
  });

  it('reports a file broken only after it stayed unchanged and unreadable for several passes', () => {
    let t = afterFailure(entry, undefined, 'terpotong');
    for (let pass = 2; pass < PASSES_BEFORE_BROKEN; pass += 1) {
      expect(t.status).toBe('retry');
      t = afterFailure(entry, t, 'terpotong');
    }
    expect(t.status).toBe('retry');
    t = afterFailure(entry, t, 'terpotong');
    expect(t.status).toBe('broken');
    expect(t.failures).toBe(PASSES_BEFORE_BROKEN);
    // The file grows: counting starts again.
    const grown = afterFailure({ ...entry, size: 150 }, t, 'terpotong');
    expect(grown.status).toBe('retry');
    expect(grown.failures).toBe(1);
  });

  it('keeps the settled hash while a newer version is retried', () => {
    const t = afterFailure({ ...entry, size: 150 }, settled(entry, 'h1'), 'terpotong');
    expect(t.hash).toBe('h1');
    expect(t.failures).toBe(1);
  });

  it('forgets files deleted from the folder', () => {
    const tracked = new Map([
      ['E/Ani.spbe', settled(entry, 'h')],
      ['E/Budi.spbe', settled({ ...entry, path: 'E/Budi.spbe' }, 'h')],
    ]);
    expect([...withoutGone(tracked, [entry]).keys()]).toEqual(['E/Ani.spbe']);
  });

  it('treats cut-off archives as possibly incomplete and wrong content as final', () => {
    for (const code of ['empty', 'notZip', 'corrupt', 'sizeMismatch', 'missingEntry', 'io']) {
      expect(mayBeIncomplete(code)).toBe(true);
    }
    for (const code of ['wrongPassword', 'instrumentUnknown', 'content', 'formatTooNew']) {
      expect(mayBeIncomplete(code)).toBe(false);
    }
  });
});

describe('coordinator queue', () => {
  const item = (path: string, reason: PendingFile['reason'], evaluationId = 'e1'): PendingFile => ({
    path,
    evaluationId,
    reason,
    exportedBy: 'Budi',
    evaluationLabel: 'Kota Balikpapan 2025',
    indicators: [1],
    manifestHash: `hash-${path}`,
    size: 1,
    lastModified: 1,
  });

  it('keeps one entry per path, the newest', () => {
    let q = enqueue([], item('E/B.spbe', 'conflict'));
    q = enqueue(q, { ...item('E/B.spbe', 'conflict'), indicators: [1, 2] });
    q = enqueue(q, item('E/A.spbe', 'conflict'));
    expect(q.map((p) => p.path)).toEqual(['E/A.spbe', 'E/B.spbe']);
    expect(q[1]!.indicators).toEqual([1, 2]);
    expect(dequeue(q, ['E/A.spbe']).map((p) => p.path)).toEqual(['E/B.spbe']);
  });

  it('groups conflicts by evaluation, leaving unknown evaluations out', () => {
    const q = [
      item('E/A.spbe', 'conflict'),
      item('E/B.spbe', 'conflict'),
      item('F/C.spbe', 'unknownEvaluation', 'e2'),
    ];
    const grouped = conflictsByEvaluation(q);
    expect([...grouped.keys()]).toEqual(['e1']);
    expect(grouped.get('e1')).toHaveLength(2);
    expect(pendingText(1)).toBe('1 perubahan menunggu keputusan');
  });
});
