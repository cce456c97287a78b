/**
 * The audit log as a table: when, who, what, old and new value. Read through the evaluation's
 * pack (always given, so that no screen shows stored values raw): an answer's value reads as that
 * pack writes it ("Nilai 2,50" on Pemdi, "Tingkat 3" on 59/2020),
 * and Pemdi's entered external index and butir statuses read as text, not JSON.
 */
import {
  answerStatusLabel,
  butirStatusLabel,
  type AnswerStatus,
  type AuditEvent,
  type ButirStatus,
} from '../../../../shared/assessment';
import { formatDateTime } from '../../../../shared/format/date';
import {
  findIndicator,
  formatExternalInput,
  formatValue,
  valueNoun,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { condense } from './audit-view';

/** Field names as a user reads them; an answer's value is named by the pack (valueNoun). */
const fieldLabel: Record<string, string> = {
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
  external: 'Indeks sumber',
  butir: 'Status butir',
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

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** An answer's Pemdi-only fields and decimal values as a user reads them; null = not one. */
function showForPack(
  pack: InstrumentPack,
  indicator: number | null,
  field: string | null,
  value: string,
): string | null {
  if (field === 'value' && /^\d+(\.\d+)?$/.test(value)) return formatValue(pack, Number(value));
  if (field === 'external') {
    const ext = parseJson(value) as { input?: unknown; year?: unknown } | null | undefined;
    if (!ext || typeof ext.input !== 'number') return null;
    const source = indicator === null ? undefined : findIndicator(pack, indicator);
    const name = source?.indicator.externalIndex?.shortName ?? 'Indeks sumber';
    return `${name} ${formatExternalInput(ext.input)}${typeof ext.year === 'number' ? ` (${ext.year})` : ''}`;
  }
  if (field === 'butir') {
    const state = parseJson(value);
    if (!state || typeof state !== 'object') return null;
    const parts = Object.entries(state as Record<string, string>).map(
      ([code, status]) => `${code}: ${butirStatusLabel[status as ButirStatus] ?? status}`,
    );
    return parts.length > 0 ? parts.join('; ') : '—';
  }
  return null;
}

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
  pack,
}: {
  events: readonly AuditEvent[];
  showIndicator: boolean;
  /** The evaluation's pack: values read as it writes them. */
  pack: InstrumentPack;
}) {
  const lines = condense(events);
  const label = (field: string): string =>
    field === 'value'
      ? valueNoun(pack).charAt(0).toUpperCase() + valueNoun(pack).slice(1)
      : (fieldLabel[field] ?? field);
  const cell = (l: (typeof lines)[number], value: string | null): string => {
    const forPack =
      l.last.entity === 'answer' && value !== null && value !== ''
        ? showForPack(pack, l.last.indicator, l.last.field, value)
        : null;
    return forPack ?? show(l.last.field, value);
  };
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
              {l.last.field ? `: ${label(l.last.field)}` : ''}
              {l.last.note ? <div className="small muted">{l.last.note}</div> : null}
              {l.count > 1 && <div className="small muted">{l.count} penyimpanan otomatis</div>}
            </td>
            <td className="audit-value">{cell(l, l.oldValue)}</td>
            <td className="audit-value">{cell(l, l.newValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
