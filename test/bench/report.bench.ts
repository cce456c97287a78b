/**
 * Report figures: the model, the DOCX (charts rasterized with resvg, as the CLI does) and the
 * XLSX of a complete evaluation with 500 evidence documents. Goal: each under 3 s here.
 */
import { Resvg } from '@resvg/resvg-js';
import { evaluationSnapshotSchema, type EvaluationSnapshot } from '../../shared/assessment';
import { defaultPack } from '../../shared/instrument';
import { buildReport } from '../../shared/report';
import { reportToDocx, reportToXlsx, type Rasterize } from '../../shared/report/office';
import balikpapan from '../fixtures/evaluations/balikpapan-2026.json';
import { report, timeMs } from './harness';

/** The Balikpapan fixture with its evidence multiplied to `count` documents, 1–3 links each. */
export function withEvidence(count: number): EvaluationSnapshot {
  const base = evaluationSnapshotSchema.parse(balikpapan);
  const evidence: EvaluationSnapshot['evidence'] = [];
  const links: EvaluationSnapshot['links'] = [];
  for (let i = 0; i < count; i += 1) {
    const template = base.evidence[i % base.evidence.length];
    if (!template) throw new Error('fixture without evidence');
    const id = `bench-ev-${i}` as EvaluationSnapshot['evidence'][number]['id'];
    evidence.push({
      ...template,
      id,
      hash: i.toString(16).padStart(64, '0') as typeof template.hash,
      title: `${template.title} (salinan ${i + 1})`,
      number: template.number ? `${template.number}-${i + 1}` : '',
    });
    for (let k = 0; k <= i % 3; k += 1) {
      const indicator = ((i * 7 + k * 13) % 47) + 1;
      links.push({
        id: `bench-ln-${i}-${k}` as EvaluationSnapshot['links'][number]['id'],
        evaluationId: base.evaluation.id,
        evidenceId: id,
        indicator,
        levels: [1, 2, 3],
        note: k === 0 ? `Pasal ${(i % 60) + 1}` : '',
        addedAt: template.addedAt,
        addedBy: null,
      });
    }
  }
  return { ...base, evidence, links };
}

const rasterize: Rasterize = async (svg, width) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } })
    .render()
    .asPng();

export async function benchReport(): Promise<void> {
  const pack = defaultPack();
  const snapshot = withEvidence(500);
  const now = new Date(2026, 10, 22);
  const build = () => buildReport({ snapshot, pack, now });
  const model = build();

  const modelMs = await timeMs(build, 10, 2);
  report({ name: 'report: model, 47 indicators, 500 evidence', value: modelMs, unit: 'ms' });

  let size = 0;
  const docxMs = await timeMs(
    async () => {
      size = (await reportToDocx(model, { rasterize })).length;
    },
    5,
    1,
  );
  report({
    name: 'report: DOCX with 4 rasterized charts, 500 evidence',
    value: docxMs,
    unit: 'ms',
    note: `goal < 3000 ms; ${Math.round(size / 1024)} KB`,
  });
  const docxPlain = await timeMs(() => reportToDocx(model), 5, 1);
  report({
    name: 'report: DOCX without rasterizer (charts as tables)',
    value: docxPlain,
    unit: 'ms',
    ratio: { value: docxMs / Math.max(docxPlain, 1e-6), baseline: 'DOCX without charts' },
  });

  const xlsxMs = await timeMs(
    async () => {
      size = (await reportToXlsx(model)).length;
    },
    5,
    1,
  );
  report({
    name: 'report: XLSX, 500 evidence',
    value: xlsxMs,
    unit: 'ms',
    note: `goal < 3000 ms; ${Math.round(size / 1024)} KB`,
  });
}
