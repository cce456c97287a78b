/**
 * "Rekap Daerah": for a province's Biro Organisasi or a ministry, the final results of many
 * Pemda from their .spbe files, without retyping. Files (or a whole folder) are chosen or dropped,
 * validated one by one as an import would, and shown as a table, a predikat distribution per
 * instrument and the list of refused files with their reasons; the workbook is the same one the
 * CLI `spbe-eval rekap` writes. Each pick adds to the list (a file picked again, or a protected
 * one picked again with its password, is not counted twice) until it is emptied. Nothing is
 * stored in the database.
 */
import { useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isBundleError } from '../../../../shared/bundle';
import { formatDate, todayIso } from '../../../../shared/format/date';
import { formatNumber } from '../../../../shared/format/number';
import { findPack } from '../../../../shared/instrument';
import { withExactIndex } from '../../../../shared/scoring';
import {
  assumedIndexNote,
  distribution,
  type PackDistribution,
  type RefusedFile,
  type RekapRow,
  type SupersededRow,
} from '../../../../shared/rekap/rekap';
import { usePlatform } from '../../app/platform-context';
import { errorText, useNotify } from '../../components/notices';
import { pickedFromFile } from '../../platform/picked-file';
import type { PickedFile } from '../../platform/types';
import { readRekapFiles, RekapList } from './read-rekap';
import { TableScroll } from '../../components/table-scroll';

interface Result {
  files: number;
  kept: RekapRow[];
  superseded: SupersededRow[];
  refused: RefusedFile[];
  distribution: PackDistribution[];
}

type Phase = { kind: 'idle' } | { kind: 'reading'; index: number; total: number; name: string };

function DistributionChart({ d }: { d: PackDistribution }) {
  const title = `Sebaran predikat ${d.pack.indexLabel} (${d.pack.shortTitle}) tahun ${d.year}`;
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        {title}: {d.rows} instansi
        {d.provisional > 0 && ` (${d.provisional} di antaranya sementara)`}
        {d.indexMean !== null &&
          `; rata-rata ${formatNumber(d.indexMean, 2)}, median ${formatNumber(d.indexMedian ?? 0, 2)}`}
      </figcaption>
      <div aria-hidden="true" style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <BarChart
            data={d.predikat}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(v) => [String(v), 'Jumlah instansi']} />
            <Bar dataKey="count" name="Jumlah instansi" fill="#1f3864" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Predikat</th>
            <th scope="col" className="num">
              Jumlah instansi
            </th>
          </tr>
        </thead>
        <tbody>
          {d.predikat.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td className="num">{p.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function RekapTable({ rows }: { rows: RekapRow[] }) {
  return (
    <TableScroll label="Tabel hasil per instansi (dapat digeser ke samping)">
      <table>
        <caption>Hasil per instansi (evaluasi final terbaru per instansi dan tahun)</caption>
        <thead>
          <tr>
            <th scope="col">Instansi</th>
            <th scope="col">Tahun</th>
            <th scope="col">Instrumen</th>
            <th scope="col" className="num">
              Indeks
            </th>
            <th scope="col">Predikat</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Terverifikasi
            </th>
            <th scope="col">Tanggal ekspor</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.file}-${r.instansi}-${r.year}`}>
              <th scope="row">
                {r.instansi}
                <span className="small muted file-name"> ({r.file})</span>
              </th>
              <td>{r.year}</td>
              <td>{r.pack.shortTitle}</td>
              <td className="num">
                {r.index ? withExactIndex(r.index.display, r.index.exactDisplay) : '—'}
                {r.index && r.awaitingExternal.length > 0 && (
                  <span className="small muted"> ({assumedIndexNote(r)})</span>
                )}
              </td>
              <td>{r.predikat ?? 'Belum dapat dihitung'}</td>
              <td>{r.final ? 'Final' : 'Sementara'}</td>
              <td className="num">
                {r.verified} dari {r.total}
              </td>
              <td>{formatDate(r.exportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RekapPage() {
  const platform = usePlatform();
  const notify = useNotify();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [over, setOver] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // Every file read so far, over several picks; emptied by "Kosongkan daftar".
  const list = useRef(new RekapList());
  const [shown, setShown] = useState<Result | null>(null);
  const busy = phase.kind === 'reading';

  const resultOf = (l: RekapList): Result | null => {
    if (l.files === 0) return null;
    const { kept, superseded, refused } = l.result();
    return {
      files: l.files,
      kept,
      superseded,
      refused,
      distribution: distribution(kept, findPack),
    };
  };

  const run = async (files: PickedFile[]) => {
    if (files.length === 0) return;
    const ctl = new AbortController();
    controller.current = ctl;
    const into = list.current;
    try {
      const read = await readRekapFiles(files, {
        password,
        signal: ctl.signal,
        onFile: (index, total, name) => setPhase({ kind: 'reading', index, total, name }),
        loaded: (key) => into.has(key),
      });
      // A pick is added whole, once read through: a cancelled one leaves the list as it was.
      into.add(read.outcomes);
      setShown(resultOf(into));
      setPhase({ kind: 'idle' });
      if (read.duplicates > 0)
        notify(
          'info',
          `${read.duplicates} berkas sudah ada dalam rekap dan tidak dihitung dua kali.`,
        );
    } catch (e) {
      setPhase({ kind: 'idle' });
      if (ctl.signal.aborted || (isBundleError(e) && e.code === 'aborted'))
        notify('info', 'Rekap dibatalkan; daftar berkas tetap seperti sebelumnya.');
      else notify('danger', errorText(e));
    }
  };

  const clear = () => {
    list.current = new RekapList();
    setShown(null);
  };

  const pick = async () => {
    const files = await platform.pickFiles({
      kind: 'bundle',
      multiple: true,
      title: 'Pilih berkas .spbe untuk direkap',
    });
    if (files) await run(files);
  };

  const save = async (result: Result) => {
    try {
      const saved = await platform.saveFile(
        {
          kind: 'xlsx',
          suggestedName: `Rekap-Evaluasi-${todayIso()}.xlsx`,
          title: 'Simpan buku kerja rekap',
        },
        async (sink) => {
          const { rekapWorkbook } = await import('../../../../shared/rekap/workbook');
          const bytes = await rekapWorkbook({
            kept: result.kept,
            superseded: result.superseded,
            refused: result.refused,
            distribution: result.distribution,
            packOf: findPack,
            madeAt: new Date(),
          });
          const writer = sink.getWriter();
          await writer.write(bytes);
          await writer.close();
        },
      );
      if (saved) notify('ok', `Buku kerja rekap disimpan: ${saved.name}.`);
    } catch (e) {
      notify('danger', errorText(e));
    }
  };

  return (
    <section aria-labelledby="judul-rekap">
      <div className="page-header">
        <div>
          <h1 id="judul-rekap">Rekap Daerah</h1>
          <p>
            Kumpulkan hasil penilaian mandiri banyak pemerintah daerah dari berkas .spbe mereka.
            Setiap berkas diperiksa seperti saat impor; per instansi dan tahun dipakai evaluasi
            final terbaru. Berkas yang dipilih kemudian ditambahkan ke daftar. Tidak ada yang
            disimpan di basis data aplikasi ini.
          </p>
        </div>
      </div>
      <div
        className={`card drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          if ([...e.dataTransfer.types].includes('Files')) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) void run([...e.dataTransfer.files].map(pickedFromFile));
        }}
      >
        <div className="field">
          <label htmlFor="sandi-rekap">Kata sandi berkas (bila berkas dilindungi)</label>
          <input
            id="sandi-rekap"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <p>
          Seret berkas .spbe ke sini, atau{' '}
          <button type="button" onClick={() => void pick()} disabled={busy}>
            Pilih berkas .spbe…
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => folderInput.current?.click()}
            disabled={busy}
          >
            Pilih folder…
          </button>
        </p>
        <input
          ref={folderInput}
          type="file"
          hidden
          multiple
          aria-label="Folder berkas .spbe"
          // A whole folder (Chromium and Electron); only its .spbe files are read.
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].filter((f) =>
              f.name.toLowerCase().endsWith('.spbe'),
            );
            e.target.value = '';
            if (files.length === 0) notify('warn', 'Folder itu tidak berisi berkas .spbe.');
            else void run(files.map(pickedFromFile));
          }}
        />
        {phase.kind === 'reading' && (
          <p role="status">
            Memeriksa berkas {phase.index} dari {phase.total}: {phase.name}{' '}
            <progress
              max={phase.total}
              value={phase.index - 1}
              aria-label="Kemajuan pemeriksaan berkas"
            />{' '}
            <button type="button" className="secondary" onClick={() => controller.current?.abort()}>
              Batalkan
            </button>
          </p>
        )}
      </div>

      {shown && <RekapResult result={shown} onSave={save} onClear={clear} busy={busy} />}
    </section>
  );
}

function RekapResult({
  result,
  onSave,
  onClear,
  busy,
}: {
  result: Result;
  onSave: (r: Result) => void;
  onClear: () => void;
  busy: boolean;
}) {
  const { kept, superseded, refused } = result;
  return (
    <>
      <section className="card" aria-labelledby="judul-hasil-rekap">
        <h2 id="judul-hasil-rekap">Hasil rekap</h2>
        <p role="status">
          {result.files} berkas dibaca: {kept.length} instansi-tahun dimuat
          {superseded.length > 0 &&
            `, ${superseded.length} berkas digantikan berkas yang lebih baru`}
          {refused.length > 0 && `, ${refused.length} berkas ditolak`}.
        </p>
        {kept.length > 0 ? (
          <RekapTable rows={kept} />
        ) : (
          <p className="alert warn">Tidak ada berkas sah untuk direkap.</p>
        )}
        <div className="form-actions">
          {/* Nothing valid loaded: nothing to save. */}
          {kept.length > 0 && (
            <button type="button" onClick={() => onSave(result)} disabled={busy}>
              Simpan buku kerja Excel…
            </button>
          )}
          <button type="button" className="secondary" onClick={onClear} disabled={busy}>
            Kosongkan daftar
          </button>
        </div>
      </section>
      {result.distribution.length > 0 && (
        <section className="card" aria-labelledby="judul-sebaran">
          <h2 id="judul-sebaran">Sebaran predikat</h2>
          {result.distribution.map((d) => (
            <DistributionChart key={`${d.pack.id}@${d.pack.version}@${d.year}`} d={d} />
          ))}
        </section>
      )}
      {refused.length > 0 && (
        <section className="card" aria-labelledby="judul-ditolak">
          <h2 id="judul-ditolak">Berkas ditolak</h2>
          <ul>
            {refused.map((r, i) => (
              <li key={`${r.file}-${i}`}>
                <strong>{r.file}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {superseded.length > 0 && (
        <section className="card" aria-labelledby="judul-digantikan">
          <h2 id="judul-digantikan">Berkas digantikan</h2>
          <ul>
            {superseded.map((r) => (
              <li key={r.file}>
                {r.file}: {r.instansi} {r.year}, {r.pack.shortTitle} (
                {r.final ? 'final' : 'sementara'}, diekspor {formatDate(r.exportedAt)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
