/** The whole evaluation's history, for the lead: filter by indicator and by person. */
import { useCallback, useState } from 'react';
import { findProfile } from '../../../../shared/profiles';
import { compareText } from '../../../../shared/format/list';
import { useAudit } from '../../db/queries/hooks';
import { IndicatorSelect } from '../../components/indicator-select';
import { useCustomProfiles } from '../profiles/use-profiles';
import { useWorkspace } from '../workspace/workspace-context';
import { AuditTable } from './audit-table';
import { auditActorName } from './audit-text';

export function HistoryPage() {
  const { evaluation, result, pack } = useWorkspace();
  const events = useAudit(evaluation.id);
  const [indicator, setIndicator] = useState('');
  const [person, setPerson] = useState('');
  const custom = useCustomProfiles();
  const profileName = useCallback(
    (id: string): string | undefined => {
      const own = custom?.find((p) => p.id === id);
      return (own?.ok ? own.profile : findProfile(id))?.instansi.name;
    },
    [custom],
  );
  if (!events) return <p role="status">Memuat riwayat…</p>;
  const people = [...new Set(events.map(auditActorName))].sort(compareText);
  const shown = events.filter(
    (e) =>
      (indicator === '' || String(e.indicator) === indicator) &&
      (person === '' || auditActorName(e) === person),
  );
  return (
    <section aria-labelledby="judul-riwayat">
      <h2 id="judul-riwayat">Riwayat perubahan</h2>
      <p className="muted">
        Catatan yang tidak dapat diubah: siapa mengubah apa, kapan, dari nilai apa ke nilai apa.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="riwayat-indikator">Indikator</label>
          <IndicatorSelect
            id="riwayat-indikator"
            value={indicator}
            onChange={setIndicator}
            indicators={result.indicators}
          />
        </div>
        <div className="field">
          <label htmlFor="riwayat-orang">Oleh</label>
          <select id="riwayat-orang" value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">Semua</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      </div>
      <AuditTable events={shown} showIndicator pack={pack} profileName={profileName} />
    </section>
  );
}
