/**
 * Sentence-case for Indonesian text: the first letter raised, the rest kept as written
 * ("nilai" → "Nilai", "bukti dukung SPBE" → "Bukti dukung SPBE"). One rule for the report, the
 * minutes, form messages and the history's labels.
 */
export const capitalized = (text: string): string =>
  text.charAt(0).toLocaleUpperCase('id-ID') + text.slice(1);
