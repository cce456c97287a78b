/**
 * A pack's source text as a user reads it. Pack authors write a fact's source as an explanation
 * in Indonesian followed by "Sumber:" and its references (repository paths, commits and the
 * authors' working notes on them, as they wrote them). Screens show the explanation plainly and
 * the references folded away as technical references; a text without "Sumber:" is references
 * only (a level's `source`).
 */
export interface SourceText {
  /** What the user reads: how the fact was derived (may be empty). */
  explanation: string;
  /** Where it comes from, verbatim (may be empty). */
  references: string;
}

const MARKER = 'Sumber:';

export function splitSource(text: string): SourceText {
  const at = text.indexOf(MARKER);
  if (at < 0) return { explanation: '', references: text.trim() };
  return {
    explanation: text.slice(0, at).trim(),
    references: text.slice(at + MARKER.length).trim(),
  };
}
