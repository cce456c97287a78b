/**
 * "Ganti berkas": the step where a user puts the corrected file (the signed SK for its unsigned
 * draft) behind a stored document. It says what stays (title, number, date, description and the
 * indicators the document is linked to) and what changes, lets the user pick one file, and shows a
 * refusal (too large, type not accepted, unreadable, full disk, same content) in the dialog where
 * the user acts; the rules and the single transaction are replaceEvidenceFile's.
 */
import { useEffect, useRef, useState } from 'react';
import type { Evidence } from '../../../../shared/assessment';
import { formatBytes } from '../../../../shared/format/number';
import { usePlatform } from '../../app/platform-context';
import { Dialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import { replaceEvidenceFile } from '../../db/commands/evidence';
import { useWorkspace } from '../workspace/workspace-context';
import { documentLabel } from './evidence-view';
import { pickedAsFile } from './use-add-files';

export function ReplaceFileDialog({
  evidence,
  indicators,
  onClose,
}: {
  evidence: Evidence;
  /** The indicators the document is linked to (they stay linked). */
  indicators: readonly number[];
  onClose: () => void;
}) {
  const { actor } = useWorkspace();
  const platform = usePlatform();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = evidence.title.trim() || evidence.fileName;
  // Once a file is chosen, the next keystroke belongs to "Ganti berkas".
  const submit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (file) submit.current?.focus();
  }, [file]);

  const choose = async () => {
    setError(null);
    try {
      const picked = await platform.pickFiles({
        kind: 'evidence',
        multiple: false,
        title: `Pilih berkas pengganti untuk "${label}"`,
      });
      const first = picked?.[0];
      if (first) setFile(await pickedAsFile(first));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const replace = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await replaceEvidenceFile(evidence.id, file, actor);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const kept =
        result.indicators.length > 0
          ? ` Judul, keterangan dan tautan ke indikator ${result.indicators.join(', ')} tetap.`
          : ' Judul dan keterangan tetap.';
      notify(
        'ok',
        `Berkas dokumen "${documentLabel(result.evidence)}" diganti dengan "${result.evidence.fileName}".${kept}`,
      );
      if (result.notice) notify('warn', result.notice);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={`Ganti berkas: ${label}`} onClose={onClose}>
      <p>
        Berkas saat ini: <strong className="file-name">{evidence.fileName}</strong> (
        {formatBytes(evidence.size)}).
      </p>
      <p>
        Hanya berkasnya yang diganti. Judul, nomor, tanggal, keterangan
        {indicators.length > 0
          ? ` dan tautan ke indikator ${indicators.join(', ')} tetap`
          : ' tetap (dokumen ini belum ditautkan ke indikator)'}
        . Berkas lama dihapus dari penyimpanan bila tidak dipakai dokumen lain, dan penggantian
        dicatat di riwayat perubahan.
      </p>
      <div className="field">
        <button
          type="button"
          className="secondary"
          onClick={() => void choose()}
          disabled={busy}
          data-autofocus
        >
          Pilih berkas pengganti…
        </button>
        <p className="small" aria-live="polite">
          {file ? (
            <>
              Berkas pengganti: <strong className="file-name">{file.name}</strong> (
              {formatBytes(file.size)})
            </>
          ) : (
            'Belum ada berkas pengganti yang dipilih.'
          )}
        </p>
      </div>
      {error && (
        <div className="alert danger" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Batal
        </button>
        <button ref={submit} type="button" onClick={() => void replace()} disabled={!file || busy}>
          {busy ? 'Mengganti berkas…' : 'Ganti berkas'}
        </button>
      </div>
    </Dialog>
  );
}
