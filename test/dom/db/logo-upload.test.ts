/**
 * The logo check at upload (renderer/src/db/commands/evaluations.ts): a logo whose header says
 * 0 × 0 pixels, more than 4.000 pixels a side or an absurd shape is refused with the limit in
 * Indonesian and nothing is stored; so is a file named and typed as an image whose contents are
 * not one (a renamed text file printed as a broken picture on the report's cover); sane PNG and
 * SVG logos are kept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { createEvaluation, logoProblem } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { LOGO_SVG, pngOf } from '../../fixtures/bundles/corpus-dates';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const file = (bytes: Uint8Array | string, type: string): File =>
  new File([typeof bytes === 'string' ? bytes : bytes.slice()], 'logo', { type });

beforeEach(resetDatabase);

describe('logo upload', () => {
  it.each([
    ['0 × 0 pixels', pngOf(0, 0), /lebar dan tinggi harus lebih dari 0/],
    ['5.000 pixels wide', pngOf(5000, 400, false), /paling besar 4\.000 piksel per sisi/],
    ['3.000 × 1 pixels', pngOf(3000, 1, false), /sisi panjang paling banyak 20 kali/],
  ])('refuses a PNG of %s and stores nothing', async (_label, bytes, message) => {
    await expect(createEvaluation(sampleInput(), actor, file(bytes, 'image/png'))).rejects.toThrow(
      message,
    );
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses contents that are not an image, whatever the name and type say', async () => {
    const renamed = new File(['Ini hanya teks, bukan gambar.'], 'logo-fake.png', {
      type: 'image/png',
    });
    expect(await logoProblem(renamed)).toBe(
      'Isi berkas logo bukan gambar PNG, JPEG, SVG, atau WebP, meskipun namanya seperti gambar.',
    );
    await expect(createEvaluation(sampleInput(), actor, renamed)).rejects.toThrow(
      /bukan gambar PNG, JPEG, SVG, atau WebP/,
    );
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await logoProblem(file(pngOf(40, 50), 'image/png'))).toBeNull();
  });

  it('keeps a sane PNG and an SVG logo', async () => {
    const a = await createEvaluation(sampleInput(), actor, file(pngOf(40, 50), 'image/png'));
    const b = await createEvaluation(
      sampleInput({ year: 2025 }),
      actor,
      file(LOGO_SVG, 'image/svg+xml'),
    );
    for (const id of [a, b]) {
      const evaluation = await db.evaluations.get(id);
      expect(evaluation?.instansi.logoHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
