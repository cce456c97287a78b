/**
 * The one small step after choosing evidence files: each file with a title (cleaned from its
 * name) and a document kind (guessed; "Lainnya" when nothing fits), both editable. "Simpan"
 * stores the files with them; "Lewati" stores them with the suggestions first shown; closing
 * the dialog stores nothing. The first title has the focus; Enter saves.
 */
import { useId, useState } from 'react';
import {
  evidenceEditSchema,
  evidenceKindLabel,
  evidenceKinds,
  type EvidenceKind,
} from '../../../../shared/assessment';
import type { Profile } from '../../../../shared/profiles';
import { Dialog } from '../../components/dialog';
import { suggestDetails, type UploadDetails } from './upload-details';

export type { UploadDetails } from './upload-details';

export function UploadDialog({
  files,
  profile,
  onSave,
  onSkip,
  onCancel,
}: {
  files: readonly File[];
  profile: Profile | null;
  /** The details in the order of `files`. */
  onSave: (details: UploadDetails[]) => void;
  /** The suggestions shown, in the order of `files`. */
  onSkip: (suggested: UploadDetails[]) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [suggested] = useState<UploadDetails[]>(() => files.map((f) => suggestDetails(f, profile)));
  const [details, setDetails] = useState<UploadDetails[]>(suggested);
  const [tried, setTried] = useState(false);
  const problems = details.map((d) => {
    const r = evidenceEditSchema.shape.title.safeParse(d.title);
    return r.success ? null : (r.error.issues[0]?.message ?? 'Judul tidak sah.');
  });
  const set = (i: number, patch: Partial<UploadDetails>) =>
    setDetails((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const title =
    files.length === 1 ? 'Judul dan jenis dokumen' : `Judul dan jenis ${files.length} dokumen`;

  return (
    <Dialog open title={title} onClose={onCancel} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (problems.every((p) => p === null))
            onSave(details.map((d) => ({ ...d, title: d.title.trim() })));
        }}
      >
        <p className="small muted">
          Judul dan jenis dipakai di daftar bukti dukung, laporan, dan pemeriksaan kepatuhan
          peraturan daerah. Keduanya dapat diubah nanti.
        </p>
        <ol className="plain upload-list">
          {files.map((file, i) => {
            const d = details[i]!;
            const problem = tried ? problems[i] : null;
            return (
              <li key={`${file.name}:${i}`}>
                <fieldset className="fieldset">
                  <legend>{file.name}</legend>
                  <div className="grid-2">
                    <div className="field">
                      <label htmlFor={`${id}-judul-${i}`}>Judul</label>
                      <input
                        id={`${id}-judul-${i}`}
                        value={d.title}
                        data-autofocus={i === 0 || undefined}
                        onChange={(e) => set(i, { title: e.target.value })}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `${id}-galat-${i}` : undefined}
                      />
                      {problem && (
                        <span className="error" id={`${id}-galat-${i}`}>
                          {problem}
                        </span>
                      )}
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-jenis-${i}`}>Jenis dokumen</label>
                      <select
                        id={`${id}-jenis-${i}`}
                        value={d.kind}
                        onChange={(e) => set(i, { kind: e.target.value as EvidenceKind })}
                      >
                        {evidenceKinds.map((k) => (
                          <option key={k} value={k}>
                            {evidenceKindLabel[k]}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={() => onSkip(suggested)}>
            Lewati
          </button>
          <button type="submit">Simpan</button>
        </div>
      </form>
    </Dialog>
  );
}
