/**
 * The summary above the profile editor: every message of the schema (from the form's errors,
 * named by the field's label and row: "Pemetaan 3: Argumen tingkat wajib diisi"), then the save command's
 * own refusals; after a save, the quotes not found in the regulation's text.
 */
import type { RefObject } from 'react';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { profileProblemText, type Profile } from '../../../../../shared/profiles';

interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * "Pemetaan 3: Argumen tingkat wajib diisi" for an issue at mapping[2].argument, "Nama instansi:
 * paling banyak 200 karakter" at instansi.name: the place as the editor labels its field.
 */
export const issueText = (issue: Issue): string => profileProblemText(issue.path, issue.message);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * The form's errors as a list, in the order they are held. A message sits on an object with a
 * `message` (whose `ref` is the input, not a field); a list's own message under `root`.
 */
export function issuesOf(errors: unknown, path: (string | number)[] = []): Issue[] {
  if (!isObject(errors)) return [];
  const own = typeof errors.message === 'string' ? errors.message : null;
  const found: Issue[] = own ? [{ path, message: own }] : [];
  for (const [key, value] of Object.entries(errors)) {
    if (own && ['type', 'message', 'ref', 'types'].includes(key)) continue;
    if (key === 'root') found.push(...issuesOf(value, path));
    else found.push(...issuesOf(value, [...path, /^\d+$/.test(key) ? Number(key) : key]));
  }
  return found;
}

const MAX_SHOWN = 30;

export function ProblemSummary({
  summaryRef,
  saveErrors,
  warnings,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  saveErrors: readonly string[];
  warnings: readonly string[];
}) {
  const { errors } = useFormState<Profile>();
  const problems = [...issuesOf(errors as FieldErrors<Profile>).map(issueText), ...saveErrors];
  return (
    <div ref={summaryRef} tabIndex={-1} className="editor-summary">
      {problems.length > 0 && (
        <div className="alert danger" role="alert">
          <p>
            <strong>Profil belum dapat disimpan ({problems.length} masalah):</strong>
          </p>
          <ul className="small">
            {problems.slice(0, MAX_SHOWN).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
            {problems.length > MAX_SHOWN && (
              <li>… dan {problems.length - MAX_SHOWN} masalah lain.</li>
            )}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="alert warn" role="status">
          <p>
            <strong>Profil disimpan. Kutipan yang tidak ditemukan dalam teks peraturan:</strong>
          </p>
          <ul className="small">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
