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

/** A form field's text holding a whole number from 1 to `max`. */
export function wholeNumberText(max: number, unit?: string) {
  const message = wholeNumberRangeMessage(max, unit);
  return z
    .string()
    .trim()
    .refine((t) => /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= max, message);
}
