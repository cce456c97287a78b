/**
 * Exporting the report from the renderer: Word and Excel written here by the shared office
 * writers (loaded on first use, so the app starts without them), the PDF printed from the print
 * route by the platform (Electron's printToPDF, or the browser's print dialog). Charts for Word
 * are the model's SVG, rasterized by the browser (SVG → <img> → canvas → PNG) for Word's PNG
 * fallback; a logo in SVG or WebP is turned into PNG the same way (Word takes PNG or JPEG).
 */
import type { ReportModel, ReportSectionId } from '../../../../shared/report';
import { reportFileName, reportSectionIds } from '../../../../shared/report';
import { routes } from '../../app/routes';
import type { Platform, SavedFile } from '../../platform/types';

/** The query parameter of the print route that lists the chosen sections. */
export const SECTIONS_PARAM = 'bagian';

/** The print route of an evaluation's report with the chosen sections. */
export function printRoute(evaluationId: string, sections: readonly ReportSectionId[]): string {
  return routes.print.report({ evaluationId, [SECTIONS_PARAM]: sectionsParam(sections) });
}

/** The query value for the chosen sections; null when all are chosen (the default). */
export function sectionsParam(sections: readonly ReportSectionId[]): string | null {
  return sections.length === reportSectionIds.length ? null : sections.join(',');
}

/** The chosen sections from a query value: all when absent, in report order, unknown ids dropped. */
export function sectionsFromParam(value: string | null): ReportSectionId[] {
  if (value === null) return [...reportSectionIds];
  const chosen = new Set(value.split(','));
  return reportSectionIds.filter((id) => chosen.has(id));
}

async function loadedImage(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function canvasPng(
  image: HTMLImageElement,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Kanvas gambar tidak tersedia di perangkat ini.');
  context.drawImage(image, 0, 0, width, height);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('Gambar grafik tidak dapat dibuat.');
  return new Uint8Array(await png.arrayBuffer());
}

/** SVG text to PNG bytes at the given pixel size (the DOCX writer's `rasterize`). */
export async function rasterizeSvg(svg: string, width: number, height: number) {
  const image = await loadedImage(new Blob([svg], { type: 'image/svg+xml' }));
  return canvasPng(image, width, height);
}

/**
 * The logo as PNG or JPEG bytes for Word; SVG and WebP are drawn to a PNG 400 px high. When the
 * browser cannot draw it, the stored bytes go on as they are: the DOCX writer then leaves the
 * logo out and says why (never a failed save because of a logo).
 */
export async function logoForDocx(logo: Blob | null): Promise<Uint8Array | null> {
  if (!logo) return null;
  const raw = async () => new Uint8Array(await logo.arrayBuffer());
  if (logo.type === 'image/png' || logo.type === 'image/jpeg') return raw();
  try {
    const image = await loadedImage(logo);
    const ratio =
      image.naturalWidth > 0 && image.naturalHeight > 0
        ? image.naturalWidth / image.naturalHeight
        : 1;
    const height = 400;
    return await canvasPng(image, Math.max(1, Math.round(height * ratio)), height);
  } catch {
    return raw();
  }
}

async function writeBytes(sink: WritableStream<Uint8Array>, bytes: Uint8Array): Promise<void> {
  const writer = sink.getWriter();
  try {
    await writer.write(bytes);
    await writer.close();
  } finally {
    writer.releaseLock();
  }
}

export type ReportFormat = 'pdf' | 'docx' | 'xlsx';

export const formatLabel: Record<ReportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  xlsx: 'Excel (XLSX)',
};

/**
 * Asks where to save, then writes the Word document; null when the user cancelled. `onNote` is
 * told, in one sentence, when the logo had to be left out and why.
 */
export function saveDocx(
  platform: Platform,
  model: ReportModel,
  logo: Blob | null,
  onNote?: (note: string) => void,
): Promise<SavedFile | null> {
  return platform.saveFile(
    { kind: 'docx', suggestedName: reportFileName(model, 'docx'), title: 'Simpan laporan Word' },
    async (sink) => {
      // The writers' own modules, not office/index.ts: Word (docx) and Excel (exceljs, ~1 MB)
      // stay separate chunks, each loaded on its first use.
      const [{ reportToDocx }, logoBytes] = await Promise.all([
        import('../../../../shared/report/office/docx'),
        logoForDocx(logo),
      ]);
      await writeBytes(
        sink,
        await reportToDocx(model, {
          rasterize: rasterizeSvg,
          logo: logoBytes,
          ...(onNote ? { onNote } : {}),
        }),
      );
    },
  );
}

/** Asks where to save, then writes the Excel workbook; null when the user cancelled. */
export function saveXlsx(platform: Platform, model: ReportModel): Promise<SavedFile | null> {
  return platform.saveFile(
    { kind: 'xlsx', suggestedName: reportFileName(model, 'xlsx'), title: 'Simpan laporan Excel' },
    async (sink) => {
      const { reportToXlsx } = await import('../../../../shared/report/office/xlsx');
      await writeBytes(sink, await reportToXlsx(model));
    },
  );
}

/** Prints the report's route to PDF (desktop: a file the user picks; web: the print dialog). */
export function savePdf(
  platform: Platform,
  model: ReportModel,
  evaluationId: string,
  sections: readonly ReportSectionId[],
): Promise<SavedFile | null> {
  return platform.printToPdf({
    route: printRoute(evaluationId, sections),
    suggestedName: reportFileName(model, 'pdf'),
    title: 'Simpan laporan PDF',
  });
}
