/**
 * Restoring one evaluation that is no longer here beside another evaluation of the same instansi
 * and year: it comes back told apart with the label a new second evaluation gets ("salinan 2"),
 * not as a second evaluation with the very same name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../renderer/src/db/backup';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { evaluationName } from '../../../shared/assessment';
import { actor, backupBlob } from './backup-helpers';
import { resetDatabase, sampleInput } from './helpers';

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});

describe('restoring one evaluation beside another of the same instansi and year', () => {
  it('labels it as a second evaluation', async () => {
    const gone = await createEvaluation(sampleInput({ year: 2026 }), actor);
    const file = await backupBlob();
    await deleteEvaluation(gone);
    const here = await createEvaluation(sampleInput({ year: 2026 }), actor);

    await restoreBackup(file, {
      selection: { mode: 'selected', ids: [gone] },
      store: webBackupStore,
    });
    const name = sampleInput().instansi.name;
    expect(evaluationName((await db.evaluations.get(here))!)).toBe(name);
    expect(evaluationName((await db.evaluations.get(gone))!)).toBe(`${name} (salinan 2)`);
  });

  it('keeps the name of one alone in its instansi and year', async () => {
    const gone = await createEvaluation(sampleInput({ year: 2026 }), actor);
    const file = await backupBlob();
    await deleteEvaluation(gone);
    await createEvaluation(sampleInput({ year: 2025 }), actor);

    await restoreBackup(file, {
      selection: { mode: 'selected', ids: [gone] },
      store: webBackupStore,
    });
    expect((await db.evaluations.get(gone))?.label).toBeUndefined();
  });
});
