/**
 * The kept-whole blocks of the report document (report-document.tsx, keptWhole): small tables
 * and notices print on one page (`report-keep`) and carry a document-order `data-keep` index, by
 * which the print route's measure pass (report-pagination.ts) names those that must run over
 * pages instead; those print without `report-keep`. Both instruments.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationSnapshotSchema,
  type EvaluationId,
  type EvaluationSnapshot,
} from '../../../shared/assessment';
import { buildReport, type ReportModel } from '../../../shared/report';
import { db } from '../../../renderer/src/db/db';
import { keptWhole, ReportDocument } from '../../../renderer/src/features/report/report-document';
import { loadReportSources } from '../../../renderer/src/features/report/report-sources';
import { resetDatabase } from '../db/helpers';

const fixture = (name: string): EvaluationSnapshot =>
  evaluationSnapshotSchema.parse(
    JSON.parse(
      readFileSync(path.join(__dirname, '../../fixtures/evaluations', `${name}.json`), 'utf8'),
    ),
  );

async function modelOf(name: string): Promise<ReportModel> {
  const s = fixture(name);
  await db.evaluations.put(s.evaluation);
  await db.answers.bulkPut(s.answers);
  await db.evidence.bulkPut(s.evidence);
  await db.links.bulkPut(s.links);
  await db.members.bulkPut(s.members);
  const sources = await loadReportSources(s.evaluation.id as EvaluationId);
  return buildReport({ ...sources, now: new Date(2026, 11, 3, 10) });
}

/** The document's elements that carry a keep index, in document order. */
const keptElements = (): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-keep]'));

beforeEach(async () => {
  await resetDatabase();
});
afterEach(cleanup);

describe.each([
  ['PermenPANRB 59/2020', 'balikpapan-2026'],
  ['PermenPANRB 8/2026', 'pemdi-2026'],
])('kept-whole blocks of a %s report', (_label, name) => {
  it('numbers the small tables and notices in document order and keeps them whole', async () => {
    const model = await modelOf(name);
    render(<ReportDocument model={model} logo={null} />);

    const blocks = model.sections.flatMap((s) => s.blocks).filter(keptWhole);
    expect(blocks.some((b) => b.kind === 'table')).toBe(true);
    const elements = keptElements();
    expect(elements.map((e) => e.dataset.keep)).toEqual(blocks.map((_, i) => String(i)));
    elements.forEach((element, i) => {
      const block = blocks[i];
      expect(element.classList.contains('report-keep')).toBe(true);
      if (block?.kind === 'table') {
        expect(element.querySelector('caption')?.textContent).toBe(block.caption);
        expect(block.rows.length).toBeLessThanOrEqual(8);
      } else {
        expect(element.getAttribute('role')).toBe('note');
      }
    });
    // A long table is never kept whole.
    const long = model.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'table' && b.rows.length > 8);
    if (long?.kind !== 'table') throw new Error('no long table in the report');
    const table = screen.getByRole('table', { name: long.caption });
    expect(table.closest('[data-keep]')).toBeNull();
  });

  it('lets the blocks the measure pass names run over pages, and only those', async () => {
    const model = await modelOf(name);
    render(<ReportDocument model={model} logo={null} loose={new Set([0, 2])} />);

    const elements = keptElements();
    expect(elements.length).toBeGreaterThan(2);
    expect(
      elements.filter((e) => !e.classList.contains('report-keep')).map((e) => e.dataset.keep),
    ).toEqual(['0', '2']);
  });
});
