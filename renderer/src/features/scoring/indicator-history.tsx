/**
 * The history of one indicator: who changed what, when, from which value to which, written as
 * the evaluation's pack writes its values ("Nilai 2,75" on Pemdi).
 */
import { useWorkspace } from '../workspace/workspace-context';
import { useAudit } from '../../db/queries/hooks';
import { AuditTable } from '../history/audit-table';

export function IndicatorHistory({ number }: { number: number }) {
  const { evaluation, pack } = useWorkspace();
  const events = useAudit(evaluation.id, number);
  return (
    <details className="card">
      <summary>Riwayat perubahan indikator {number}</summary>
      {events === undefined ? (
        <p role="status">Memuat riwayat…</p>
      ) : (
        <AuditTable events={events} showIndicator={false} pack={pack} />
      )}
    </details>
  );
}
