/**
 * The Indonesian wording of zod problems beside a form field: a number field given letters
 * (the regional profile's "Tahun peraturan" typed as "20x1") says what to write, and does not
 * contradict itself.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorMap } from '../../../shared/format/zod-messages';

const messageOf = (schema: z.ZodType, input: unknown): string | undefined =>
  schema.safeParse(input, { error: fieldErrorMap }).error?.issues[0]?.message;

describe('the Indonesian wording of a wrong type', () => {
  it('tells a number typed with letters to be written in digits', () => {
    const year = z.number().int().min(1945).max(2100).nullable();
    const message = messageOf(year, Number('20x1'));
    expect(message).toBe('Harus berupa angka, tanpa huruf atau tanda lain');
    expect(message).not.toMatch(/bukan angka/);
  });

  it('still names what came instead of a number when it is not one', () => {
    expect(messageOf(z.number(), 'dua')).toBe('Harus berupa angka, bukan teks');
    expect(messageOf(z.number(), undefined)).toBe('Wajib ada');
  });
});
