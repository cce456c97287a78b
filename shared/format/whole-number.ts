/**
 * A whole number typed into a form field, kept as the text the user typed: "1,5", "0", "abc"
 * and anything above the limit are refused with the allowed range, so nothing is rounded or
 * clamped behind the user's back (settings' evidence limit, the number of backups kept).
 */
import { z } from 'zod';
import { formatNumber } from './number';

/** The message a refused value gets: the range, and the unit when the field has one. */
export function wholeNumberRangeMessage(max: number, unit?: string): string {
  return `Isi bilangan bulat antara 1 dan ${formatNumber(max, 0)}${unit ? ` (${unit})` : ''}, tanpa angka desimal.`;
}

/** Digits, or digits grouped by thousands with a dot as Indonesian writes them ("1.000"). */
const WHOLE = /^(\d+|\d{1,3}(\.\d{3})+)$/;

/**
 * A form field's text holding a whole number from 1 to `max`; parsed, it is the digits alone
 * ("4.096" becomes "4096"), so `Number()` of it is the value.
 */
export function wholeNumberText(max: number, unit?: string) {
  const message = wholeNumberRangeMessage(max, unit);
  return z
    .string()
    .trim()
    .refine((t) => {
      const digits = t.replaceAll('.', '');
      return WHOLE.test(t) && Number(digits) >= 1 && Number(digits) <= max;
    }, message)
    .transform((t) => t.replaceAll('.', ''));
}
