/** The audit log as a table: when, who, what, old and new value. */
import {
  answerStatusLabel,
  type AnswerStatus,
  type AuditEvent,
} from '../../../../shared/assessment';
import { formatDateTime } from '../../../../shared/format/date';
import { condense } from './audit-view';

const fieldLabel: Record<string, string> = {
  value: 'Tingkat',
  justification: 'Penjelasan',
  agency: 'Perangkat daerah',
  status: 'Status',
  reviewNote: 'Catatan asesor',
  carriedOver: 'Peninjauan salinan',
  evidence: 'Bukti dukung',
  levels: 'Tingkat yang didukung',
  fileName: 'Dokumen',
  backup: 'Cadangan',
  name: 'Nama',
  nip: 'NIP',
  position: 'Jabatan',
  role: 'Peran',
  indicators: 'Indikator tugas',
  kind: 'Jenis dokumen',
  title: 'Judul dokumen',
  number: 'Nomor dokumen',
  documentDate: 'Tanggal dokumen',
  description: 'Keterangan',
  year: 'Tahun',
};

const actionLabel: Record<AuditEvent['action'], string> = {
  create: 'Dibuat',
  update: 'Diubah',
  delete: 'Dihapus',
  import: 'Diimpor',
  export: 'Diekspor',
  merge: 'Digabung',
  resolve: 'Diputuskan',
};

function show(field: string | null, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && value in answerStatusLabel)
    return answerStatusLabel[value as AnswerStatus];
  if (field === 'carriedOver') return value === 'true' ? 'perlu ditinjau' : 'sudah ditinjau';
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

export function AuditTable({
  events,
  showIndicator,
}: {
  events: readonly AuditEvent[];
  showIndicator: boolean;
}) {
  const lines = condense(events);
  if (lines.length === 0) return <p className="muted">Belum ada perubahan tercatat.</p>;
  return (
    <table className="audit">
      <caption className="visually-hidden">Riwayat perubahan</caption>
      <thead>
        <tr>
          <th scope="col">Waktu</th>
          <th scope="col">Oleh</th>
          {showIndicator && <th scope="col">Indikator</th>}
          <th scope="col">Perubahan</th>
          <th scope="col">Sebelumnya</th>
          <th scope="col">Menjadi</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key}>
            <td className="nowrap">{formatDateTime(l.last.at)}</td>
            <td>{l.last.actorName}</td>
            {showIndicator && <td>{l.last.indicator ?? '—'}</td>}
            <td>
              {actionLabel[l.last.action]}
              {l.last.field ? `: ${fieldLabel[l.last.field] ?? l.last.field}` : ''}
              {l.last.note ? <div className="small muted">{l.last.note}</div> : null}
              {l.count > 1 && <div className="small muted">{l.count} penyimpanan otomatis</div>}
            </td>
            <td className="audit-value">{show(l.last.field, l.oldValue)}</td>
            <td className="audit-value">{show(l.last.field, l.newValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
