/**
 * The report screen ("Laporan"): choose the sections, see the report as it will be printed, and
 * save it as PDF, Word and Excel — one format or all three in one go. The preview is the same
 * ReportDocument the print route prints, built from the same ReportModel the office files are
 * written from, so what is seen is what is sent.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EvaluationSnapshot } from '../../../../shared/assessment';
import {
  buildReport,
  reportSectionIds,
  reportSectionLabel,
  type PreviousEvaluation,
  type ReportModel,
  reportProfileFromRegional,
  type ReportSectionId,
} from '../../../../shared/report';
import type { Profile } from '../../../../shared/profiles';
import {
  reportDateProblem,
  reportMoment,
  unverifiedReason,
} from '../../../../shared/report/status';
import { formatDate, todayIso } from '../../../../shared/format/date';
import { usePlatform } from '../../app/platform-context';
import { isPrintPath } from '../../app/routes';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { setReportDate } from '../../db/commands/report-date';
import { useBlob } from '../../db/queries/hooks';
import type { SavedFile } from '../../platform/types';
import { useWorkspace } from '../workspace/workspace-context';
import { ReportDocument } from './report-document';
import {
  formatLabel,
  saveDocx,
  savePdf,
  saveXlsx,
  SECTIONS_PARAM,
  sectionsFromParam,
  sectionsParam,
  type ReportFormat,
} from './report-export';
import { loadPrevious, lookupProfile } from './report-sources';

/** Earlier results and the regional profile, read once per evaluation identity. */
function useReportContext() {
  const { evaluation } = useWorkspace();
  const [previous, setPrevious] = useState<PreviousEvaluation[] | undefined>(undefined);
  const [regional, setRegional] = useState<Profile | null | undefined>(undefined);
  const notify = useNotify();
  const { id, year, profileId } = evaluation;
  const { name, kind } = evaluation.instansi;
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadPrevious(evaluation), lookupProfile(profileId)])
      .then(([p, r]) => {
        if (cancelled) return;
        setPrevious(p);
        setRegional(r);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // The report is still correct without the comparison; say what is missing.
        notify('warn', `Data pembanding tahun lalu tidak dapat dibaca: ${errorText(error)}`);
        setPrevious([]);
        setRegional(null);
      });
    return () => {
      cancelled = true;
    };
    // Re-read only when what selects them changes, not on every edit of the evaluation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, year, profileId, name, kind, notify]);
  return { previous, regional };
}

/**
 * The report date control: the stored date, or today until one is chosen. A date the command
 * refuses keeps what was typed with the reason beside it; the stored date is not changed.
 */
function ReportDateField() {
  const { evaluation, actor } = useWorkspace();
  const stored = evaluation.reportDate ?? null;
  const [typed, setTyped] = useState<{ for: string | null; value: string } | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const value = typed && typed.for === stored ? typed.value : (stored ?? todayIso());

  const save = async (next: string) => {
    setTyped({ for: stored, value: next });
    if (next === '') {
      setError('Tanggal laporan wajib diisi; kosongkan tidak dapat dilakukan.');
      return;
    }
    const problem = reportDateProblem(next, evaluation.year, new Date());
    if (problem) {
      setError(problem);
      return;
    }
    setError(undefined);
    try {
      await setReportDate(evaluation.id, next, actor);
      setTyped(null);
    } catch (e) {
      setError(`Tanggal laporan tidak dapat disimpan: ${errorText(e)}`);
    }
  };

  return (
    <Field
      label="Tanggal laporan"
      // The date in words too: the date field shows the system's format (07/12/2026 or
      // 12/07/2026), which a reader cannot tell apart.
      hint={
        stored
          ? `Dicetak sebagai ${formatDate(stored)} pada laporan dan Berita Acara, juga saat dicetak ulang.`
          : `Belum dipilih: laporan bertanggal hari ini, ${formatDate(todayIso())}. Pilih tanggal agar cetak ulang tetap bertanggal sama.`
      }
      error={error}
    >
      <input type="date" value={value} onChange={(e) => void save(e.target.value)} />
    </Field>
  );
}

export function ReportPage() {
  const { evaluation, pack, answers, evidence, links, members } = useWorkspace();
  const platform = usePlatform();
  const notify = useNotify();
  const { previous, regional } = useReportContext();
  const logo = useBlob(evaluation.instansi.logoHash);
  // The choice is kept in the address too (…/laporan?bagian=…), so it survives the trip to the
  // print route and back, and a reload.
  const [params, setParams] = useSearchParams();
  const [sections, setSections] = useState<readonly ReportSectionId[]>(() =>
    sectionsFromParam(params.get(SECTIONS_PARAM)),
  );
  const chosen = new Set(sections);
  const choose = (next: readonly ReportSectionId[]) => {
    setSections(next);
    setParams(
      (current) => {
        const value = sectionsParam(next);
        const updated = new URLSearchParams(current);
        if (value === null) updated.delete(SECTIONS_PARAM);
        else updated.set(SECTIONS_PARAM, value);
        return updated;
      },
      { replace: true },
    );
  };
  const [busy, setBusy] = useState<ReportFormat | 'all' | null>(null);
  const [progress, setProgress] = useState('');

  const model = useMemo((): ReportModel | null => {
    if (previous === undefined || regional === undefined || sections.length === 0) return null;
    const snapshot: EvaluationSnapshot = {
      evaluation,
      answers: [...answers.values()].sort((a, b) => a.indicator - b.indicator),
      evidence,
      links,
      members,
      audit: [],
    };
    return buildReport({
      snapshot,
      pack,
      previous,
      // Compliance with the regional regulation follows the answers as they change.
      profile: regional ? reportProfileFromRegional(regional, snapshot, pack) : null,
      options: { sections },
      now: reportMoment(evaluation, new Date()),
    });
  }, [evaluation, pack, answers, evidence, links, members, previous, regional, sections]);
  const preview = useDeferredValue(model);

  const toggle = (id: ReportSectionId, on: boolean) =>
    choose(reportSectionIds.filter((s) => (s === id ? on : chosen.has(s))));

  /** One format: returns what was saved, null when cancelled; throws on failure. */
  const exportOne = async (format: ReportFormat, m: ReportModel): Promise<SavedFile | null> => {
    setProgress(`Menyiapkan laporan ${formatLabel[format]}…`);
    if (format === 'docx') {
      return saveDocx(platform, m, logo ?? null, (note) => notify('warn', note));
    }
    if (format === 'xlsx') return saveXlsx(platform, m);
    try {
      return await savePdf(platform, m, evaluation.id, sections);
    } finally {
      // In a browser the print went through the print route in this window: come back here.
      if (platform.kind === 'web' && isPrintPath(window.location.hash.slice(1))) {
        window.history.back();
      }
    }
  };

  const run = async (formats: ReportFormat[], label: ReportFormat | 'all') => {
    if (!model || busy) return;
    setBusy(label);
    const done: string[] = [];
    try {
      for (const format of formats) {
        const saved = await exportOne(format, model);
        if (!saved) {
          if (format === 'pdf' && platform.kind === 'web') {
            done.push('PDF: dialog cetak peramban (pilih "Simpan sebagai PDF")');
            continue;
          }
          notify('info', `Penyimpanan laporan ${formatLabel[format]} dibatalkan.`);
          break;
        }
        done.push(`${formatLabel[format]}: ${saved.name}`);
      }
      if (done.length > 0) notify('ok', `Laporan disimpan — ${done.join('; ')}.`);
    } catch (error) {
      notify('danger', `Laporan tidak dapat disimpan: ${errorText(error)}`);
    } finally {
      setBusy(null);
      setProgress('');
    }
  };

  const disabled = !model || busy !== null;
  return (
    <section aria-labelledby="judul-laporan">
      <div className="page-header">
        <div>
          <h2 id="judul-laporan">Laporan</h2>
          <p>
            Laporan Hasil Penilaian Mandiri untuk {evaluation.instansi.headOfRegionTitle}{' '}
            {evaluation.instansi.regionName} melalui Sekretaris Daerah.
          </p>
        </div>
      </div>

      {model?.provisional && (
        <div className="alert danger" role="note" aria-label="Laporan sementara">
          <strong>Laporan {model.provisional.label}.</strong> {model.provisional.text}
        </div>
      )}
      {model && unverifiedReason(model) && (
        <div className="alert warn" role="note" aria-label="Laporan sementara">
          <strong>Laporan SEMENTARA.</strong> {unverifiedReason(model)}
        </div>
      )}

      {model && model.signatureNotes.length > 0 && (
        <div className="alert warn" role="note" aria-label="Lembar pengesahan">
          <strong>Lembar pengesahan.</strong>
          <ul>
            {model.signatureNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="card report-controls">
        <ReportDateField />
        <fieldset className="fieldset">
          <legend>Bagian laporan</legend>
          <div className="report-section-choices">
            {reportSectionIds.map((id) => (
              <label key={id} className="inline-check">
                <input
                  type="checkbox"
                  checked={chosen.has(id)}
                  onChange={(e) => toggle(id, e.target.checked)}
                />
                {reportSectionLabel[id]}
              </label>
            ))}
          </div>
          <div className="row-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => choose(reportSectionIds)}
              disabled={chosen.size === reportSectionIds.length}
            >
              Pilih semua bagian
            </button>
          </div>
          {sections.length === 0 && (
            <p className="alert warn small" role="alert">
              Pilih paling sedikit satu bagian laporan.
            </p>
          )}
        </fieldset>
        <div className="report-export" role="group" aria-label="Simpan laporan">
          <button type="button" disabled={disabled} onClick={() => run(['pdf'], 'pdf')}>
            Simpan PDF
          </button>
          <button type="button" disabled={disabled} onClick={() => run(['docx'], 'docx')}>
            Simpan Word (DOCX)
          </button>
          <button type="button" disabled={disabled} onClick={() => run(['xlsx'], 'xlsx')}>
            Simpan Excel (XLSX)
          </button>
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            onClick={() => run(['docx', 'xlsx', 'pdf'], 'all')}
          >
            Simpan ketiganya
          </button>
        </div>
        <p className="muted small">
          {platform.kind === 'web'
            ? 'Di peramban, PDF dibuat melalui dialog cetak: pilih tujuan "Simpan sebagai PDF". Berkas Word dan Excel diunduh.'
            : 'Setiap berkas disimpan di tempat yang Anda pilih.'}
        </p>
        <p role="status" className="small">
          {progress}
        </p>
      </div>

      <section className="report-preview" aria-label="Pratinjau laporan">
        {!preview && sections.length > 0 && <p role="status">Menyusun pratinjau laporan…</p>}
        {preview && (
          <ReportDocument
            model={preview}
            logo={logo ?? null}
            headingBase={3}
            idPrefix="pratinjau"
          />
        )}
      </section>
    </section>
  );
}
