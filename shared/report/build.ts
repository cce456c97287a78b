/**
 * `buildReport`: an evaluation snapshot and its pack in, the whole report as data out (see
 * model.ts). Pure and deterministic for a given `now`.
 */
import { valueDecimals } from '../instrument/value';
import { buildCharts } from './charts';
import { computeFacts } from './facts';
import type { Facts } from './facts';
import type { BuildReportInput } from './input';
import {
  reportSectionIds,
  reportSectionLabel,
  type Block,
  type ReportModel,
  type ReportSection,
  type ReportSectionId,
  type TrendYearFact,
} from './model';
import { Numbering } from './sections/blocks';
import { appendixBlocks, recommendationBlocks, signatureNotes } from './sections/closing';
import { coverBlocks, legalBlocks, reportTitle, summaryBlocks } from './sections/front';
import { complianceBlocks, complianceFacts, internalComplianceBlocks } from './sections/compliance';
import { closingBlocks, conclusionBlocks } from './sections/conclusion';
import { methodologyBlocks } from './sections/method';
import { findingsBlocks, notComparableSentence, resultsBlocks } from './sections/results';
import { roman } from './text';

/** The years of the trend, as the report's trend table lists them, for the workbook. */
function trendFacts(f: Facts): { trend: TrendYearFact[]; trendNote: string | null } {
  if (f.history.length === 0 && f.otherHistory.length === 0) return { trend: [], trendNote: null };
  const { pack, headline: h } = f;
  const earlier = [...f.otherHistory, ...f.history]
    .sort((a, b) => a.year - b.year)
    .map((p): TrendYearFact => ({
      year: p.year,
      indexLabel: p.instrument?.indexLabel ?? pack.indexLabel,
      shortTitle: p.instrument?.shortTitle ?? pack.shortTitle,
      value: p.overall?.value ?? null,
      display: p.overall?.display ?? null,
      rating: p.overall?.rating ?? null,
      provisional: p.overall?.provisional === true,
      current: false,
    }));
  return {
    trend: [
      ...earlier,
      {
        year: f.year,
        indexLabel: pack.indexLabel,
        shortTitle: pack.shortTitle,
        value: h.value,
        display: h.display,
        rating: h.rating,
        provisional: f.provisional !== null,
        current: true,
      },
    ],
    trendNote: f.otherHistory.length > 0 ? notComparableSentence(f) : null,
  };
}

export function buildReport(input: BuildReportInput): ReportModel {
  const f = computeFacts(input);
  const charts = buildCharts(f);
  const compliance = complianceFacts(f);
  const chosen = new Set<ReportSectionId>(input.options?.sections ?? reportSectionIds);
  const numbering = new Numbering();
  const writers: Record<ReportSectionId, () => Block[]> = {
    cover: () => coverBlocks(f),
    summary: () => summaryBlocks(f),
    legal: () => legalBlocks(f),
    methodology: () => methodologyBlocks(f, numbering),
    results: () => resultsBlocks(f, numbering, charts),
    findings: () => [...findingsBlocks(f), ...complianceBlocks(f, compliance, numbering)],
    recommendations: () => recommendationBlocks(f, numbering),
    conclusion: () => conclusionBlocks(f),
    closing: () => closingBlocks(f),
    appendix: () => [
      ...appendixBlocks(f, numbering),
      ...internalComplianceBlocks(compliance, numbering),
    ],
  };

  const sections: ReportSection[] = [];
  let chapter = 0;
  for (const id of reportSectionIds) {
    if (!chosen.has(id)) continue;
    const title = reportSectionLabel[id];
    let number: string | null = null;
    let heading = title;
    if (id === 'cover') heading = '';
    else if (id !== 'appendix') {
      chapter += 1;
      number = roman(chapter);
      heading = `${number}. ${title}`;
    }
    sections.push({ id, number, title, heading, blocks: writers[id]() });
  }

  const instansi = input.snapshot.evaluation.instansi;
  const title = reportTitle(f.year, input.pack);
  return {
    title,
    year: f.year,
    instansi: {
      name: f.instansiName,
      kind: instansi.kind,
      regionName: instansi.regionName,
      province: instansi.province,
      headOfRegionTitle: instansi.headOfRegionTitle,
      headOfRegionName: instansi.headOfRegionName,
      headOfRegion: f.headOfRegion,
      ictAgencyName: instansi.ictAgencyName,
      address: instansi.address,
      logoHash: instansi.logoHash,
    },
    instrument: {
      id: input.pack.id,
      version: input.pack.version,
      shortTitle: input.pack.shortTitle,
      title: input.pack.title,
      valueNoun: f.noun,
      valueDecimals: valueDecimals(input.pack),
      tierCount: input.pack.tiers.length,
      tierLabels: input.pack.tiers.map((t) => t.label),
    },
    runningHeader: `${f.instansiName} — ${title}${f.provisional ? ` (${f.provisional.label})` : ''}`,
    dateDisplay: f.dateDisplay,
    generatedAt: input.now.toISOString(),
    headline: f.headline,
    provisional: f.provisional,
    signatureNotes: signatureNotes(f),
    sections,
    data: {
      groups: f.groups,
      indicators: f.indicators,
      recommendations: f.recommendations,
      whatIf: f.whatIf,
      verification: f.verification,
      evidence: f.evidence,
      team: f.team,
      charts,
      compliance,
      ...trendFacts(f),
    },
  };
}
