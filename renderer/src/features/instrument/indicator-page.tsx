/**
 * One indicator of an instrument: question (or, where the pack has none, the description),
 * criteria of each level, explanation, evidence guidance; for Pemdi also the index the value is
 * converted from, and the butir of each level.
 */
import { Link, useParams } from 'react-router';
import { formatWeight } from '../../../../shared/format/number';
import {
  cautionFor,
  findIndicator,
  formatExternalInput,
  formatValue,
} from '../../../../shared/instrument';
import { routes } from '../../app/routes';
import { Counterparts } from './counterparts';
import { LevelCriteria } from './level-criteria';
import { PackNotes } from './pack-notes';
import { SourceNote } from './source-note';
import { packFromParams } from './use-pack';

export function IndicatorPage() {
  const { packId, version, number } = useParams();
  const pack = packFromParams(packId, version);
  const entry = pack ? findIndicator(pack, Number(number)) : undefined;
  if (!pack || !entry) {
    return (
      <section>
        <h1>Indikator tidak ditemukan</h1>
        <Link to={routes.instrument()}>Kembali ke instrumen</Link>
      </section>
    );
  }
  const { indicator, path, scale } = entry;
  const external = indicator.externalIndex;
  const externalCaution = external ? cautionFor(pack, external.confidence) : null;
  // Corrections of copied texts and disagreements between sources (59/2020 keeps them per
  // topic, "indicator:9"), so that a text differing from the reader's copy says why.
  const packNotes = pack.notes.filter((n) => n.topic === `indicator:${indicator.number}`);
  const guideline = indicator.levels.some((l) => l.fulfilment.length > 0 || l.evidence.length > 0);
  return (
    <section aria-labelledby="judul-indikator">
      <nav aria-label="Lokasi" className="small muted">
        <Link to={routes.instrument({ paket: pack.id, versi: pack.version })}>Instrumen</Link> ›{' '}
        {path
          .map(
            (g) => `${pack.tiers.find((t) => t.id === g.tier)?.label ?? ''} ${g.number}. ${g.name}`,
          )
          .join(' › ')}
      </nav>
      <h1 id="judul-indikator">
        Indikator {indicator.number}. {indicator.name}
      </h1>
      <p className="muted">
        {indicator.code && <>Kode {indicator.code} · </>}Bobot {formatWeight(indicator.weight)}% ·
        Skala {scale.name}
      </p>
      {indicator.aliases.length > 0 && (
        // Where the sources word the name otherwise (Pemdi indicator 9), a reader finds both.
        <p className="small muted">Nama lain dalam sumber: {indicator.aliases.join('; ')}.</p>
      )}
      {indicator.question !== null ? (
        <div className="card">
          <h2>Pertanyaan</h2>
          <p>{indicator.question}</p>
        </div>
      ) : (
        <div className="card">
          <h2>Deskripsi indikator</h2>
          {indicator.explanation.indicator.map((t, i) => (
            <p key={i}>{t}</p>
          ))}
        </div>
      )}
      {external && (
        <div className="card">
          <h2>Nilai dari {external.name}</h2>
          <p>
            Nilai indikator ini dikonversi dari {external.shortName} (
            {formatExternalInput(external.min)}–{formatExternalInput(external.max)}), linear di
            dalam rentang yang memuatnya. Sebelum diisi, indikator dihitung{' '}
            {formatValue(pack, external.assumedValue)}.
          </p>
          <table>
            <caption className="visually-hidden">Rentang konversi {external.shortName}</caption>
            <thead>
              <tr>
                <th scope="col">{external.shortName}</th>
                <th scope="col">Nilai indikator</th>
              </tr>
            </thead>
            <tbody>
              {external.bands.map((b, i) => (
                <tr key={i}>
                  <td>
                    {formatExternalInput(b.input[0])}–{formatExternalInput(b.input[1])}
                  </td>
                  <td>
                    {formatValue(pack, b.output[0])}–{formatValue(pack, b.output[1])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SourceNote what="konversi" confidence={external.confidence} source={external.source} />
          {externalCaution && <p className="small caution">{externalCaution}</p>}
        </div>
      )}
      <div className="card">
        <h2>Kriteria tingkat kematangan</h2>
        <LevelCriteria indicator={indicator} scale={scale} pack={pack} />
      </div>
      {((indicator.question !== null && indicator.explanation.indicator.length > 0) ||
        indicator.explanation.judgement.length > 0) && (
        <div className="card">
          <h2>Penjelasan</h2>
          {indicator.question !== null && indicator.explanation.indicator.length > 0 && (
            <>
              <h3>Penjelasan indikator</h3>
              <ul>
                {indicator.explanation.indicator.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </>
          )}
          {indicator.explanation.judgement.length > 0 && (
            <>
              <h3>Penjelasan penilaian</h3>
              {indicator.explanation.judgement.map((t, i) => (
                <p key={i}>{t}</p>
              ))}
            </>
          )}
        </div>
      )}
      {(guideline || indicator.explanation.evidence.length > 0) && (
        <div className="card">
          <h2>Bukti dukung yang diharapkan</h2>
          {indicator.explanation.evidence.map((t, i) => (
            <p key={i}>{t}</p>
          ))}
          <table>
            <caption className="visually-hidden">Bukti dukung per tingkat</caption>
            <thead>
              <tr>
                <th scope="col">Tingkat</th>
                <th scope="col">Pemenuhan</th>
                <th scope="col">Bukti dukung</th>
              </tr>
            </thead>
            <tbody>
              {indicator.levels.map((l) => (
                <tr key={l.level}>
                  <th scope="row">
                    {l.level}. {scale.levels.find((s) => s.level === l.level)?.name}
                  </th>
                  <td>
                    {l.fulfilment.map((t, i) => (
                      <p key={i}>{t}</p>
                    ))}
                  </td>
                  <td>
                    {l.evidence.map((t, i) => (
                      <p key={i}>{t}</p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Counterparts pack={pack} number={indicator.number} />
      {packNotes.length > 0 && (
        <div className="card">
          <h2>Catatan paket untuk indikator ini</h2>
          <PackNotes
            notes={packNotes}
            label={`Catatan paket untuk indikator ${indicator.number}`}
          />
        </div>
      )}
      {indicator.notes.length > 0 && (
        <details className="card">
          <summary>Catatan penyusunan paket (catatan teknis, sebagian berbahasa Inggris)</summary>
          <ul>
            {indicator.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
