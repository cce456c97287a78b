/**
 * Names in the team folder: `<evaluasi>/<nama asesor>.spbe`. The evaluation's folder is named
 * after the instansi and year plus a short stable suffix of the evaluation's id (two evaluations
 * never share a folder); the file after the assessor's member name. Every name is safe on Windows, macOS and
 * Linux: no reserved or control characters, no reserved device names (CON, NUL, COM1 ...), no
 * leading dot or tilde (hidden and lock files), no trailing dot or space, bounded length.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Longest folder or file name written (well under every file system's limit). */
export const MAX_TEAM_NAME = 80;

/** Characters of the evaluation id kept in the folder name. */
const ID_SUFFIX = 8;

/** A name part safe on every file system, at most `max` characters; `fallback` when empty. */
export function safeTeamName(text: string, fallback: string, max = MAX_TEAM_NAME): string {
  let clean = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.~\s]+/, '');
  if (clean.length > max) clean = clean.slice(0, max);
  clean = clean.replace(/[.\s]+$/, '');
  if (!clean) clean = fallback;
  if (RESERVED.test(clean)) clean = `_${clean}`;
  return clean;
}

/** The short stable suffix of an evaluation id: its first letters and digits. */
export function evaluationSuffix(evaluationId: string): string {
  return (
    evaluationId.replace(/[^A-Za-z0-9]/g, '').slice(0, ID_SUFFIX) || 'evaluasi'
  ).toLowerCase();
}

export interface TeamNameSource {
  id: string;
  year: number;
  instansi: { name: string };
}

/** "Pemerintah Kota Balikpapan 2025 (3f9a1c2e)". */
export function evaluationFolderName(evaluation: TeamNameSource): string {
  const suffix = ` (${evaluationSuffix(evaluation.id)})`;
  const head = safeTeamName(
    `${evaluation.instansi.name} ${evaluation.year}`,
    `Evaluasi ${evaluation.year}`,
    MAX_TEAM_NAME - suffix.length,
  );
  return head + suffix;
}

/** "Ani Rahmawati.spbe". */
export function assessorFileName(memberName: string): string {
  return `${safeTeamName(memberName, 'Asesor', MAX_TEAM_NAME - '.spbe'.length)}.spbe`;
}

/** Where an assessor's file of an evaluation lives: "<evaluasi>/<nama asesor>.spbe". */
export function teamFilePath(evaluation: TeamNameSource, memberName: string): string {
  return `${evaluationFolderName(evaluation)}/${assessorFileName(memberName)}`;
}

/** The evaluation folder a path lies in ('' for a file at the top of the team folder). */
export function folderOfPath(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The assessor's name a path carries ("Ani Rahmawati" of ".../Ani Rahmawati.spbe"). */
export function assessorOfPath(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.spbe$/i, '');
}
