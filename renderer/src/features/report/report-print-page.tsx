/**
 * The print route of the report (`#/cetak/laporan/<id>?bagian=...`): the report alone, laid out
 * for A4 by report-document.css (cover, running header, page numbers, landscape appendix),
 * outside the app's frame. Electron prints it to PDF in a hidden window; a browser prints it
 * from its print dialog. It signals `data-print-ready` once the data is loaded, the logo decoded,
 * the fonts ready and the page laid out, or "error" when the report cannot be made.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { EvaluationId } from '../../../../shared/assessment';
import { buildReport, type ReportModel } from '../../../../shared/report';
import { reportMoment, statusRunningHeader } from '../../../../shared/report/status';
import { routes } from '../../app/routes';
import { errorText } from '../../components/notices';
import { setPrintReady } from '../../platform/print-ready';
import { ReportDocument } from './report-document';
import { SECTIONS_PARAM, sectionsFromParam } from './report-export';
import { measurePrintLayout, type PrintLayout } from './report-pagination';
import { loadReportSources } from './report-sources';

/** A CSS string literal (for `content:` in the page margin boxes). */
const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;

/** The page furniture of the printed report: set on <html> for the CSS @page margin boxes. */
function usePageFurniture(model: ReportModel | null): void {
  useEffect(() => {
    if (!model) return;
    const root = document.documentElement.style;
    root.setProperty('--report-running-header', cssString(statusRunningHeader(model)));
    root.setProperty('--report-page-label', '"Halaman " counter(page) " dari " counter(pages)');
    const title = document.title;
    document.title = `${model.title} — ${model.instansi.name}`;
    return () => {
      root.removeProperty('--report-running-header');
      root.removeProperty('--report-page-label');
      document.title = title;
    };
  }, [model]);
}

/** The logo when the browser can draw it; a logo it cannot is left off rather than broken. */
async function drawableLogo(logo: Blob | null): Promise<Blob | null> {
  if (!logo) return null;
  const url = URL.createObjectURL(logo);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return logo;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; model: ReportModel; logo: Blob | null }
  | { kind: 'error'; message: string };

export function ReportPrintPage() {
  const { evaluationId } = useParams();
  const [params] = useSearchParams();
  const sectionsParam = params.get(SECTIONS_PARAM);
  const key = `${evaluationId ?? ''}?${sectionsParam ?? ''}`;
  const [loaded, setLoaded] = useState<{ key: string; state: State } | null>(null);
  const state: State = loaded?.key === key ? loaded.state : { kind: 'loading' };
  const documentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    setPrintReady(null);
    // Every failure is caught inside and shown as the error state.
    void (async () => {
      let next: State;
      try {
        const sources = await loadReportSources(evaluationId as EvaluationId);
        const chosen = sectionsFromParam(sectionsParam);
        const model = buildReport({
          snapshot: sources.snapshot,
          pack: sources.pack,
          previous: sources.previous,
          profile: sources.profile,
          // A print address without any known section prints the whole report.
          ...(chosen.length > 0 ? { options: { sections: chosen } } : {}),
          now: reportMoment(sources.snapshot.evaluation, new Date()),
        });
        next = { kind: 'ready', model, logo: await drawableLogo(sources.logo) };
      } catch (error) {
        next = { kind: 'error', message: errorText(error) };
      }
      if (cancelled) return;
      setLoaded({ key, state: next });
      if (next.kind === 'error') setPrintReady('error');
    })();
    return () => {
      cancelled = true;
      setPrintReady(null);
    };
  }, [key, evaluationId, sectionsParam]);

  const model = state.kind === 'ready' ? state.model : null;
  usePageFurniture(model);
  // The Daftar Isi's page numbers and the blocks to print over pages, measured once the document
  // is laid out (report-pagination.ts).
  const [layout, setLayout] = useState<{ model: ReportModel; layout: PrintLayout } | null>(null);
  const measured = layout && layout.model === model ? layout.layout : null;
  const loose = useMemo(() => new Set(measured?.loose ?? []), [measured]);

  useEffect(() => {
    if (!model) return;
    let cancelled = false;
    (async () => {
      const images = [...(documentRef.current?.querySelectorAll('img') ?? [])];
      await Promise.all([
        document.fonts.ready,
        ...images.map((image) => image.decode().catch(() => undefined)),
      ]);
      // Two frames: the first lays out the document, the second has painted it.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (cancelled || !documentRef.current) return;
      if (!measured) {
        // Measure, then render the numbers; ready is signalled on the next pass.
        setLayout({ model, layout: measurePrintLayout(documentRef.current) });
        return;
      }
      setPrintReady('true');
    })().catch(() => {
      // A layout that cannot be measured ends the print with an error instead of a timeout.
      if (!cancelled) setPrintReady('error');
    });
    return () => {
      cancelled = true;
    };
  }, [model, measured]);

  return (
    <div className="report-print">
      <div className="report-print-toolbar no-print">
        <Link
          to={routes.evaluation.report({ evaluationId: evaluationId ?? '' })}
          className="button secondary"
        >
          Kembali ke Laporan
        </Link>
        {state.kind === 'ready' && (
          <button type="button" onClick={() => window.print()}>
            Cetak
          </button>
        )}
      </div>
      <main className="report-print-main">
        {state.kind === 'loading' && <p role="status">Menyiapkan laporan untuk dicetak…</p>}
        {state.kind === 'error' && (
          <div className="alert danger" role="alert">
            Laporan tidak dapat disiapkan untuk dicetak: {state.message}
          </div>
        )}
        {state.kind === 'ready' && (
          <div ref={documentRef}>
            <ReportDocument
              model={state.model}
              logo={state.logo}
              headingBase={1}
              contents={{ pages: measured?.pages ?? null }}
              loose={loose}
            />
          </div>
        )}
      </main>
    </div>
  );
}
