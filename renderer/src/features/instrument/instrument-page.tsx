/**
 * The instrument as the regulation defines it: structure, weights, level scales and predikat.
 * Read-only; every evaluation is scored with one of these packs.
 */
import { Link, useSearchParams } from 'react-router';
import { formatWeight } from '../../../../shared/format/number';
import { indicatorEntries, type Group, type InstrumentPack } from '../../../../shared/instrument';
import { allPacks, packFromParams } from './use-pack';

function GroupTree({ pack, groups }: { pack: InstrumentPack; groups: readonly Group[] }) {
  return (
    <ul>
      {groups.map((g) => {
        const tier = pack.tiers.find((t) => t.id === g.tier);
        return (
          <li key={g.id}>
            <div className="tree-group">
              {tier?.label} {g.number}. {g.name}{' '}
              <span className="muted small">(bobot {formatWeight(g.weight)}%)</span>
            </div>
            {g.groups && <GroupTree pack={pack} groups={g.groups} />}
            {g.indicators && (
              <ul>
                {g.indicators.map((i) => (
                  <li key={i.number}>
                    <Link to={`/instrumen/${pack.id}/${pack.version}/indikator/${i.number}`}>
                      Indikator {i.number}. {i.name}
                    </Link>{' '}
                    <span className="muted small">(bobot {formatWeight(i.weight)}%)</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function InstrumentPage() {
  const [params, setParams] = useSearchParams();
  const packs = allPacks();
  const selected = params.get('paket');
  const pack = packFromParams(selected ?? undefined, undefined) ?? packs[0];
  if (!pack) return <p>Tidak ada paket instrumen.</p>;
  const indicatorCount = indicatorEntries(pack).length;

  return (
    <section aria-labelledby="judul-instrumen">
      <div className="page-header">
        <div>
          <h1 id="judul-instrumen">Instrumen Evaluasi</h1>
          <p>
            {pack.shortTitle} — {pack.title}
          </p>
        </div>
        {packs.length > 1 && (
          <div className="field">
            <label htmlFor="pilih-paket">Paket instrumen</label>
            <select
              id="pilih-paket"
              value={pack.id}
              onChange={(e) => setParams({ paket: e.target.value })}
            >
              {packs.map((p) => (
                <option key={`${p.id}@${p.version}`} value={p.id}>
                  {p.shortTitle} (versi {p.version})
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>Ringkasan</h2>
          <dl className="facts">
            <dt>Dasar hukum</dt>
            <dd>
              {pack.legalBasis.map((b) => (
                <div key={b.short}>
                  {b.kind} Nomor {b.number} Tahun {b.year} tentang {b.title}
                </div>
              ))}
            </dd>
            <dt>Struktur</dt>
            <dd>
              {pack.tiers.map((t) => `${pack.groups.length > 0 ? '' : ''}${t.label}`).join(' › ')} ›
              Indikator ({indicatorCount} indikator)
            </dd>
            <dt>Versi paket</dt>
            <dd>
              {pack.id} {pack.version}
              {pack.status !== 'official' && (
                <span className="badge warn" style={{ marginLeft: '0.5rem' }}>
                  {pack.status === 'draft' ? 'Draf, belum resmi' : 'Paket uji'}
                </span>
              )}
            </dd>
            <dt>Target</dt>
            <dd>
              Tiap indikator tingkat {formatWeight(pack.targets.indicatorLevel)}; {pack.indexLabel}{' '}
              paling rendah {formatWeight(pack.targets.index)}
            </dd>
          </dl>
        </div>
        <div className="card">
          <h2>Predikat</h2>
          <table>
            <caption className="visually-hidden">Rentang nilai tiap predikat</caption>
            <thead>
              <tr>
                <th scope="col">Nilai {pack.indexLabel}</th>
                <th scope="col">Predikat</th>
              </tr>
            </thead>
            <tbody>
              {pack.rating.map((r) => (
                <tr key={r.name}>
                  <td>{r.text}</td>
                  <td>{r.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="card">
        <h2>Skala tingkat kematangan</h2>
        <div className="grid-2">
          {pack.levelScales.map((s) => (
            <div key={s.id}>
              <h3>
                {s.name} {s.appliesTo && <span className="muted small">({s.appliesTo})</span>}
              </h3>
              <ol>
                {s.levels.map((l) => (
                  <li key={l.level}>
                    <strong>{l.name}</strong>: {l.meaning}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </div>

      <div className="card tree">
        <h2>Struktur dan bobot</h2>
        <GroupTree pack={pack} groups={pack.groups} />
      </div>
    </section>
  );
}
