/**
 * The instrument packs: the list of built-in and loaded packs (status, version, source, the one
 * caution line where provenance is below high), loading a pack from a file (checked fully,
 * refused with every reason), saving a pack to a file, removing a loaded pack no evaluation
 * uses; and the chosen pack as the regulation defines it: structure, weights, level scales and
 * predikat. Every evaluation is scored with one of these packs.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatNumber, formatWeight } from '../../../../shared/format/number';
import {
  cautionFor,
  confidenceLabel,
  formatValue,
  indexFormulaParts,
  indicatorEntries,
  isBuiltInPack,
  isDecimalScale,
  levelRangeText,
  packStatusLabel,
  valueNoun,
  type Group,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import { FileChooser } from '../../components/file-chooser';
import { errorText, useNotify } from '../../components/notices';
import { installPackFile, packFile, removePack, skippedStoredPacks } from '../../db/commands/packs';
import { PackNotes } from './pack-notes';
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
                    <Link
                      to={routes.instrumentIndicator({
                        packId: pack.id,
                        version: pack.version,
                        number: i.number,
                      })}
                    >
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

const statusLabel = (pack: InstrumentPack): string => packStatusLabel[pack.status];

const packName = (pack: InstrumentPack): string => `${pack.shortTitle} versi ${pack.version}`;

/** The list of packs with loading, saving and removing. */
function PackList({
  packs,
  shown,
  onShow,
  onChanged,
}: {
  packs: InstrumentPack[];
  shown: InstrumentPack;
  onShow: (pack: InstrumentPack) => void;
  onChanged: () => void;
}) {
  const platform = usePlatform();
  const notify = useNotify();
  const [refusal, setRefusal] = useState<{ file: string; errors: string[] } | null>(null);
  const [removal, setRemoval] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const skipped = skippedStoredPacks();

  const load = async (file: File) => {
    setBusy(true);
    setRemoval(null);
    try {
      const result = await installPackFile(file);
      if (!result.ok) {
        setRefusal({ file: file.name, errors: result.errors });
        return;
      }
      setRefusal(null);
      notify(
        'ok',
        result.added
          ? `Paket ${result.pack.id} versi ${result.pack.version} (${result.pack.shortTitle}) dimuat.`
          : `Paket ${result.pack.id} versi ${result.pack.version} sudah ada dengan isi yang sama; tidak ada yang diubah.`,
      );
      onChanged();
    } catch (e) {
      setRefusal({ file: file.name, errors: [errorText(e)] });
    } finally {
      setBusy(false);
    }
  };

  const save = async (pack: InstrumentPack) => {
    try {
      const { name, text } = packFile(pack);
      const bytes = new TextEncoder().encode(text);
      const saved = await platform.saveFile(
        { kind: 'json', suggestedName: name, title: 'Simpan paket instrumen ke berkas' },
        async (sink) => {
          const writer = sink.getWriter();
          await writer.write(bytes);
          await writer.close();
        },
      );
      if (saved) notify('ok', `Paket ${packName(pack)} disimpan ke ${saved.path ?? saved.name}.`);
    } catch (e) {
      notify('danger', `Paket tidak dapat disimpan ke berkas: ${errorText(e)}`);
    }
  };

  const remove = async (pack: InstrumentPack) => {
    try {
      const result = await removePack(pack.id, pack.version);
      if (!result.ok) {
        setRemoval(result.message);
        return;
      }
      setRemoval(null);
      notify('ok', `Paket ${pack.id} versi ${pack.version} dihapus dari aplikasi ini.`);
      onChanged();
    } catch (e) {
      setRemoval(`Paket tidak dapat dihapus: ${errorText(e)}`);
    }
  };

  return (
    <div className="card">
      <h2 id="judul-daftar-paket">Daftar paket instrumen</h2>
      <table aria-labelledby="judul-daftar-paket">
        <thead>
          <tr>
            <th scope="col">Paket</th>
            <th scope="col">Versi</th>
            <th scope="col">Status</th>
            <th scope="col">Sumber</th>
            <th scope="col">Tindakan</th>
          </tr>
        </thead>
        <tbody>
          {packs.map((p) => {
            const builtIn = isBuiltInPack(p.id, p.version);
            const caution = cautionFor(p, undefined);
            const current = p === shown;
            return (
              <tr key={`${p.id}@${p.version}`} aria-current={current ? 'true' : undefined}>
                <th scope="row">
                  {p.shortTitle}
                  <div className="muted small">{p.id}</div>
                  {caution && <div className="muted small">{caution}</div>}
                </th>
                <td>{p.version}</td>
                <td>{statusLabel(p)}</td>
                <td>{builtIn ? 'Bawaan aplikasi' : 'Dimuat dari berkas'}</td>
                <td>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Tampilkan ${packName(p)}`}
                      aria-pressed={current}
                      onClick={() => onShow(p)}
                    >
                      Tampilkan
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Simpan paket ${packName(p)} ke berkas`}
                      onClick={() => void save(p)}
                    >
                      Simpan paket ke berkas
                    </button>
                    {!builtIn && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Hapus paket ${packName(p)}`}
                        onClick={() => void remove(p)}
                      >
                        Hapus
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {removal && (
        <p className="alert warn" role="alert">
          {removal}
        </p>
      )}
      {skipped.length > 0 && (
        <div className="alert warn" role="note" aria-label="Paket tersimpan yang dilewati">
          <p>Paket tersimpan berikut tidak dapat dimuat lagi dan dilewati:</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.key}>
                {s.key.replace(/^pack:/, '').replace('@', ' versi ')}: {s.errors.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <FileChooser
          id="muat-paket"
          label="Paket instrumen dari berkas (.json, paling besar 20 MB)"
          buttonText={busy ? 'Memeriksa paket…' : 'Muat paket dari berkas…'}
          accept=".json,application/json"
          onFile={(file) => void load(file)}
        />
      </div>
      {refusal && (
        <div className="alert danger" role="alert">
          <p>
            Paket dalam "{refusal.file}" ditolak; tidak ada yang diubah. {refusal.errors.length}{' '}
            masalah:
          </p>
          <ul>
            {refusal.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function InstrumentPage() {
  const [params, setParams] = useSearchParams();
  // Loading or removing a pack changes the registry, not React state: count changes to re-read.
  const [, setRevision] = useState(0);
  const packs = allPacks();
  const selected = params.get('paket');
  const pack =
    packFromParams(selected ?? undefined, params.get('versi') ?? undefined) ??
    packFromParams(selected ?? undefined, undefined) ??
    packs[0];
  if (!pack) return <p>Tidak ada paket instrumen.</p>;
  const indicatorCount = indicatorEntries(pack).length;
  const ratingCaution = cautionFor(pack, pack.provenance?.ratingConfidence);
  const show = (p: InstrumentPack) => setParams({ paket: p.id, versi: p.version });
  // The pack's notes by where they are read: the formula's in the summary, the predikat's in
  // its table, each indicator's on its page, every other one (sources, conflicts, scales,
  // assumptions) with the pack's sources.
  const formulaNotes = pack.notes.filter((n) => n.topic === 'formula');
  const packNotes = pack.notes.filter(
    (n) => !['formula', 'rating'].includes(n.topic) && !n.topic.startsWith('indicator:'),
  );

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
              value={`${pack.id}@${pack.version}`}
              onChange={(e) => {
                const chosen = packs.find((p) => `${p.id}@${p.version}` === e.target.value);
                if (chosen) show(chosen);
              }}
            >
              {packs.map((p) => (
                <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
                  {p.shortTitle} (versi {p.version})
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <PackList
        packs={packs}
        shown={pack}
        onShow={show}
        onChanged={() => setRevision((r) => r + 1)}
      />

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
            <dt>Cara penghitungan</dt>
            <dd>
              <ul aria-label={`Rumus ${pack.indexLabel}`}>
                {indexFormulaParts(pack).map((part) => (
                  <li key={part}>{part}.</li>
                ))}
              </ul>
              <PackNotes notes={formulaNotes} label="Catatan rumus" />
            </dd>
            <dt>Target</dt>
            <dd>
              {/* A Pemdi target is a value ("nilai 2,50"), a 59/2020 one a level ("tingkat 3"). */}
              Tiap indikator {valueNoun(pack)} {formatValue(pack, pack.targets.indicatorLevel)};{' '}
              {pack.indexLabel} paling rendah{' '}
              {isDecimalScale(pack)
                ? formatNumber(pack.targets.index, pack.rounding.displayDecimals)
                : formatWeight(pack.targets.index)}
              {pack.targets.source && <div className="small muted">{pack.targets.source}</div>}
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
          {/* Neither regulation rounds; the pack's bounds may rest on secondary sources. */}
          {pack.notes
            .filter((n) => n.topic === 'rating')
            .map((n, i) => (
              <p key={i} className="small muted">
                {n.text}
              </p>
            ))}
          {pack.rounding.rationale && <p className="small muted">{pack.rounding.rationale}</p>}
          {ratingCaution && <p className="small caution">{ratingCaution}</p>}
        </div>
      </div>

      <div className="card">
        <h2 id="judul-sumber-paket">Sumber dan catatan paket</h2>
        {pack.provenance && (
          <p>Keyakinan paket secara keseluruhan: {confidenceLabel[pack.provenance.confidence]}.</p>
        )}
        <PackNotes notes={packNotes} label={`Catatan paket ${packName(pack)}`} />
        {pack.sources.length > 0 && (
          <details>
            <summary>Sumber paket ({pack.sources.length} rujukan)</summary>
            <ul aria-label={`Sumber paket ${packName(pack)}`} className="small">
              {pack.sources.map((source) => (
                <li key={source} className="source-text">
                  {source}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p className="small muted">Catatan per indikator ada di halaman setiap indikator.</p>
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
                    <strong>{l.name}</strong>
                    {isDecimalScale(pack) && l.range && ` (${levelRangeText(pack, l)})`}:{' '}
                    {l.meaning}
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
