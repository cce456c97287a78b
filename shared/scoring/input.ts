/**
 * The plain JSON form of a set of indicator values, as the CLI and tests exchange it:
 * `{"instrument":"permenpanrb-59-2020","levels":{"1":3,"2":3}}` (levels keyed by indicator number).
 */
import { z } from 'zod';

export const levelsInputSchema = z.strictObject({
  instrument: z.string().trim().min(1, 'nama instrumen kosong'),
  /** Optional: the exact pack version; the installed one is used when absent. */
  version: z.string().optional(),
  levels: z.record(
    z.string().regex(/^\d+$/, 'nomor indikator harus angka'),
    z.number({ error: 'tingkat harus berupa angka' }).nullable(),
  ),
});
export type LevelsInput = z.infer<typeof levelsInputSchema>;
