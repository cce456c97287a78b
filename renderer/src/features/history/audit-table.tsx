/**
 * The audit log as a table: when, who, what, old and new value. Read through the evaluation's
 * pack (always given, so that no screen shows stored values raw); fields and values read as
 * audit-text.ts writes them.
 */
import type { AuditEvent } from '../../../../shared/assessment';
import { formatDateTime } from '../../../../shared/format/date';
import { TableScroll } from '../../components/table-scroll';
import type { InstrumentPack } from '../../../../shared/instrument';
import { auditActorName, auditFieldLabel, auditNoteText, auditValueText } from './audit-text';
import { condense } from './audit-view';

const actionLabel: Record<AuditEvent['action'], string> = {
  create: 'Dibuat',
  update: 'Diubah',
  delete: 'Dihapus',
  import: 'Diimpor',
  export: 'Diekspor',
  merge: 'Digabung',
  resolve: 'Diputuskan',
};

export function AuditTable({
  events,
  showIndicator,
  pack,
  profileName = () => undefined,
}: {
  events: readonly AuditEvent[];
  showIndicator: boolean;
  /** The evaluation's pack: values read as it writes them. */
  pack: InstrumentPack;
  /** A regional profile's name by its id, for notes that name a profile by id. */
  profileName?: (id: string) => string | undefined;
}) {
  const lines = condense(events);
  if (lines.length === 0) return <p className="muted">Belum ada perubahan tercatat.</p>;
  return (
    <TableScroll label="Tabel riwayat perubahan (dapat digeser ke samping)">
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
              <td>{auditActorName(l.last)}</td>
              {showIndicator && <td>{l.last.indicator ?? '—'}</td>}
              <td>
                {actionLabel[l.last.action]}
                {l.last.field ? `: ${auditFieldLabel(l.last.entity, l.last.field, pack)}` : ''}
                {l.last.note ? (
                  <div className="small muted">{auditNoteText(l.last, profileName)}</div>
                ) : null}
                {l.count > 1 && <div className="small muted">{l.count} penyimpanan otomatis</div>}
              </td>
              <td className="audit-value">{auditValueText(l.last, l.oldValue, 'old', pack)}</td>
              <td className="audit-value">{auditValueText(l.last, l.newValue, 'new', pack)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
