/**
 * `buildReport`: an evaluation snapshot and its pack in, the whole report as data out (see
 * model.ts). Pure and deterministic for a given `now`.
 */
import { valueDecimals } from '../instrument/value';
import { buildCharts } from './charts';
import { computeFacts } from './facts';
import type { BuildReportInput } from './input';
import {
  reportSectionIds,
  reportSectionLabel,
  type Block,
  type ReportModel,
  type ReportSection,
  type ReportSectionId,
} from './model';
import { Numbering } from './sections/blocks';
import { appendixBlocks, recommendationBlocks, signatureNotes } from './sections/closing';
import { coverBlocks, legalBlocks, reportTitle, summaryBlocks } from './sections/front';
import { complianceBlocks, complianceFacts, internalComplianceBlocks } from './sections/compliance';
import { closingBlocks, conclusionBlocks } from './sections/conclusion';
import { methodologyBlocks } from './sections/method';
import { findingsBlocks, resultsBlocks } from './sections/results';
import { roman } from './text';

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
    },
  };
}
