/**
 * Looking at a document: preview of PDFs, images and plain text (the regulation's text copy of a
 * regional profile) inside the app (from the stored bytes), other types opened with the system
 * application (desktop) or the browser.
 */
import { useEffect, useState } from 'react';
import { evidenceKindLabel, type Evidence } from '../../../../shared/assessment';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { formatBytes } from '../../../../shared/format/number';
import { usePlatform } from '../../app/platform-context';
import { Dialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import { evidenceBlob } from '../../db/commands/evidence';
import { useWorkspace } from '../workspace/workspace-context';

const isPlainText = (e: Evidence): boolean => /^text\/plain\b/.test(e.mimeType);

export const canPreview = (e: Evidence): boolean =>
  e.mimeType === 'application/pdf' ||
  /^image\/(png|jpeg|gif|webp)$/.test(e.mimeType) ||
  isPlainText(e);

export function documentLabel(e: Evidence): string {
  const parts = [e.title || e.fileName];
  if (e.number) parts.push(`Nomor ${e.number}`);
  if (e.documentDate) parts.push(formatDate(e.documentDate));
  return parts.join(', ');
}

/** A document received without its file, and how the user completes it. */
export const missingContentText = (e: Evidence): string =>
  `Isi berkas "${e.fileName}" tidak tersedia di komputer ini (diterima tanpa isi berkas). Tambahkan berkas aslinya di pustaka bukti dukung; isinya dikenali dan dilengkapkan ke dokumen ini.`;

/**
 * The stored bytes could not be read (the browser's storage refused the read, or the file behind
 * a stored Blob is damaged or gone): said in Indonesian with what to do, the browser's own words
 * (English) kept only as the detail.
 */
export const unreadableText = (e: Evidence, err: unknown): string => {
  // A DOMException is not an Error in every realm: its message is read as a property.
  const message = err && typeof err === 'object' ? (err as { message?: unknown }).message : null;
  const detail = typeof message === 'string' && message ? ` (rincian: ${message})` : '';
  return `Isi berkas "${e.fileName}" tidak dapat dibaca dari penyimpanan aplikasi${detail}. Dokumen lain dan jawaban tidak berubah. Tutup lalu buka kembali aplikasi dan coba lagi; bila tetap gagal, pulihkan evaluasi dari cadangan di layar Cadangan.`;
};

/** A failed read of a stored Blob's bytes, as browsers report it while streaming. */
const isBlobReadFailure = (err: unknown): boolean => {
  const name = err && typeof err === 'object' ? (err as { name?: unknown }).name : null;
  return name === 'NotReadableError' || name === 'NotFoundError';
};

/** The stored bytes of `e`, null when missing; a failed read throws with unreadableText. */
async function readEvidence(e: Evidence): Promise<Blob | null> {
  try {
    return await evidenceBlob(e.hash);
  } catch (err) {
    throw new Error(unreadableText(e, err), { cause: err });
  }
}

export function useOpenDocument() {
  const platform = usePlatform();
  const notify = useNotify();
  return async (e: Evidence) => {
    try {
      const blob = await readEvidence(e);
      if (!blob) {
        notify('warn', missingContentText(e));
        return;
      }
      await platform.openDocument({ name: e.fileName, type: e.mimeType, blob });
    } catch (err) {
      notify('danger', isBlobReadFailure(err) ? unreadableText(e, err) : errorText(err));
    }
  };
}

export function PreviewDialog({
  evidence,
  onClose,
}: {
  evidence: Evidence | null;
  onClose: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { members } = useWorkspace();
  const open = useOpenDocument();
  useEffect(() => {
    if (!evidence) return;
    let live = true;
    let created: string | null = null;
    // A read that fails is said in the dialog (it stayed empty, the error unhandled).
    const failed = (err: unknown) => {
      if (live) setFailure(errorText(err));
    };
    void readEvidence(evidence).then((blob) => {
      if (!live) return;
      if (!blob) {
        setMissing(true);
        return;
      }
      if (isPlainText(evidence)) {
        // Shown as text (never as HTML): the bytes may come from any file.
        void blob.text().then(
          (t) => {
            if (live) setText(t);
          },
          (err: unknown) => failed(unreadableText(evidence, err)),
        );
        return;
      }
      created = URL.createObjectURL(new Blob([blob], { type: evidence.mimeType }));
      setUrl(created);
    }, failed);
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
      setUrl(null);
      setText(null);
      setMissing(false);
      setFailure(null);
    };
  }, [evidence]);
  if (!evidence) return null;
  const addedBy = members.find((m) => m.id === evidence.addedBy)?.name ?? '—';
  return (
    <Dialog open title={`Pratinjau: ${evidence.title || evidence.fileName}`} onClose={onClose} wide>
      <dl className="facts small">
        <dt>Berkas</dt>
        <dd>
          {evidence.fileName} ({formatBytes(evidence.size)})
        </dd>
        <dt>Jenis dokumen</dt>
        <dd>{evidenceKindLabel[evidence.kind]}</dd>
        <dt>Ditambahkan</dt>
        <dd>
          {formatDateTime(evidence.addedAt)} oleh {addedBy}
        </dd>
      </dl>
      {missing && <p className="alert warn">{missingContentText(evidence)}</p>}
      {failure && (
        <p className="alert danger" role="alert">
          {failure}
        </p>
      )}
      {url && evidence.mimeType === 'application/pdf' && (
        <iframe className="preview-frame" src={url} title={`Isi dokumen ${evidence.fileName}`} />
      )}
      {url && evidence.mimeType.startsWith('image/') && (
        <img className="preview-image" src={url} alt={`Isi dokumen ${evidence.fileName}`} />
      )}
      {text !== null && (
        <pre className="preview-text" tabIndex={0} aria-label={`Isi dokumen ${evidence.fileName}`}>
          {text}
        </pre>
      )}
      {!canPreview(evidence) && <p>Dokumen jenis ini dibuka dengan aplikasi lain.</p>}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={() => void open(evidence)}>
          Buka dengan aplikasi lain
        </button>
        <button type="button" onClick={onClose}>
          Tutup
        </button>
      </div>
    </Dialog>
  );
}
