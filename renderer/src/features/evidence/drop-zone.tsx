/**
 * A drop target for evidence files, with a button for those who do not drag.
 *
 * While files are being checked (hashed against the library) or saved the button says it is unavailable (aria-disabled) but keeps the
 * focus: the upload dialog hands the focus back to it as the save starts, and a disabled button
 * dropped it to <body>, so a keyboard user started again at the top of the window.
 */
import { useState, type ReactNode } from 'react';
import { useNotify } from '../../components/notices';
import type { AddFilesProgress } from './use-add-files';

/** Said when files are dropped while the previous ones are still checked or saved. */
export const BUSY_DROP_TEXT =
  'Berkas yang diseret belum ditambahkan: berkas sebelumnya masih diperiksa atau disimpan. Seret berkas itu lagi setelah selesai.';

export function DropZone({
  onFiles,
  onPick,
  busy,
  label,
  children,
}: {
  onFiles: (files: File[]) => void;
  onPick: () => void;
  busy: AddFilesProgress | null;
  label: string;
  children?: ReactNode;
}) {
  const [over, setOver] = useState(false);
  const notify = useNotify();
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length === 0) return;
        // A second pick while the first is checked replaced the first's title-and-kind step,
        // and the first pick's files were dropped without a word.
        if (busy !== null) {
          notify('warn', BUSY_DROP_TEXT);
          return;
        }
        onFiles(files);
      }}
    >
      <p>
        Seret berkas ke sini atau{' '}
        <button
          type="button"
          className="secondary"
          aria-disabled={busy !== null}
          onClick={() => {
            if (busy === null) onPick();
          }}
        >
          {label}
        </button>
      </p>
      <p className="small muted">
        PDF, gambar (PNG/JPEG), atau dokumen Office. Berkas yang sama hanya disimpan sekali.
      </p>
      {busy && (
        <p role="status">
          {busy.phase === 'checking' ? 'Memeriksa' : 'Menyimpan'} berkas {busy.done} dari{' '}
          {busy.total}…{' '}
          <progress
            max={busy.total}
            value={busy.done}
            aria-label={
              busy.phase === 'checking'
                ? 'Kemajuan pemeriksaan berkas'
                : 'Kemajuan penyimpanan berkas'
            }
          />
        </p>
      )}
      {children}
    </div>
  );
}
