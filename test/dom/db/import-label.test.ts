/**
 * Importing a bundle as a new evaluation or as a separate copy beside another evaluation of the
 * same instansi and year: the new one gets the label a new second evaluation gets ("salinan 2"),
 * not the very same name; one alone in its instansi and year keeps the file's name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { evaluationName } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { commitImport, openBundle } from '../../../renderer/src/db/commands/import';
import { db } from '../../../renderer/src/db/db';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: null, name: 'Koordinator Uji' };
const name = 'Pemerintah Kota Balikpapan';

async function opened(f: Fixture) {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, 'Ani Rahmawati'), { includeEvidence: true });
  return openBundle(m.blob(), 'ani.spbe', {});
}

const nameOf = async (id: string): Promise<string> =>
  evaluationName((await db.evaluations.get(id as never))!);

beforeEach(async () => {
  await resetDatabase();
});

describe('importing beside an evaluation of the same instansi and year', () => {
  it('labels a new evaluation as a second one', async () => {
    const here = await createEvaluation(sampleInput({ year: 2026 }), actor);
    const result = await commitImport(await opened(makeFixture({ seed: 31 })), {
      mode: 'create',
      confirmed: true,
      actor,
    });
    expect(await nameOf(here)).toBe(name);
    expect(await nameOf(result.evaluationId)).toBe(`${name} (salinan 2)`);
  });

  it('labels a separate copy as a second one, then a third', async () => {
    const f = makeFixture({ seed: 32 });
    const first = await commitImport(await opened(f), { mode: 'create', confirmed: false, actor });
    const copy = await commitImport(await opened(f), { mode: 'copy', confirmed: false, actor });
    const again = await commitImport(await opened(f), { mode: 'copy', confirmed: false, actor });
    expect(await nameOf(first.evaluationId)).toBe(name);
    expect(await nameOf(copy.evaluationId)).toBe(`${name} (salinan 2)`);
    expect(await nameOf(again.evaluationId)).toBe(`${name} (salinan 3)`);
  });

  it('keeps the name of one alone in its instansi and year', async () => {
    await createEvaluation(sampleInput({ year: 2025 }), actor);
    const result = await commitImport(await opened(makeFixture({ seed: 33 })), {
      mode: 'create',
      confirmed: true,
      actor,
    });
    expect((await db.evaluations.get(result.evaluationId))?.label).toBeUndefined();
  });
});
