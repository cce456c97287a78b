import { describe, expect, it } from 'vitest';
import { wholeNumberText } from '../../../shared/format/whole-number';

describe('a whole number typed into a field', () => {
  const mb = wholeNumberText(4096, 'MB');
  const message = (text: string) => mb.safeParse(text).error?.issues[0]?.message;

  it('takes whole numbers from 1 to the limit, spaces around them trimmed', () => {
    expect(mb.safeParse(' 1 ').data).toBe('1');
    expect(mb.safeParse('4096').data).toBe('4096');
  });

  it('takes the thousands written with a dot, as the hint writes the limit', () => {
    expect(mb.safeParse('4.096').data).toBe('4096');
    expect(wholeNumberText(1000).safeParse('1.000').data).toBe('1000');
  });

  it('refuses decimals, zero, words and values over the limit with the range and unit', () => {
    const range = 'Isi bilangan bulat antara 1 dan 4.096 (MB), tanpa angka desimal.';
    for (const text of ['1,5', '2.5', '1.00', '4.097', '.096', '0', 'abc', '', '4097', '-3', '1e3'])
      expect(message(text), text).toBe(range);
  });

  it('names no unit when the field has none', () => {
    expect(wholeNumberText(1000).safeParse('0').error?.issues[0]?.message).toBe(
      'Isi bilangan bulat antara 1 dan 1.000, tanpa angka desimal.',
    );
  });
});
