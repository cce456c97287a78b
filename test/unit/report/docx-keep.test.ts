/**
 * What the Word file keeps together (keepPlan in shared/report/office/docx.ts): a lead-in
 * paragraph with its list, the paragraph under a heading with what follows, a heading with about
 * 17 % of a page under it, a run of short sections cut before a heading, and a domain or aspect
 * row of a table with the row under it — read back from the document's XML for the real reports.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/report';
import { reportToDocx } from '../../../shared/report/office';
import { keepPlan } from '../../../shared/report/office/docx';
import { mojokertoModel, readDocx } from './helpers';

const p = (text: string): Block => ({ kind: 'paragraph', content: [{ text }] });
const h = (text: string, level: 2 | 3 = 3): Block => ({ kind: 'heading', level, text });
const list = (...items: string[]): Block => ({
  kind: 'list',
  ordered: false,
  items: items.map((text) => [{ text }]),
});
const words = (n: number): string => Array.from({ length: n }, () => 'kata').join(' ');

describe('keepPlan', () => {
  it('keeps a lead-in paragraph with its list, and nothing else outside headings', () => {
    const plan = keepPlan(
      [p('Pengantar.'), p('Bukti yang perlu disiapkan:'), list('a', 'b')],
      'portrait',
    );
    expect(plan).toEqual([
      { next: 0, lines: 0 },
      { next: 1, lines: 1 },
      { next: 0, lines: 0 },
    ]);
  });

  it('keeps what follows a heading, whole, up to about 17 % of the page', () => {
    // A recommendation: heading, status, criteria (long), more paragraphs.
    const plan = keepPlan(
      [h('1. Indikator 29'), p('Tingkat saat ini 1.'), p(words(120)), p(words(40)), p('Akhir.')],
      'portrait',
    );
    // The status keeps with the criteria; the criteria are kept whole and end the run.
    expect(plan[1]).toEqual({ next: 1, lines: 1 });
    expect(plan[2]).toEqual({ next: 0, lines: 1 });
    expect(plan[3]).toEqual({ next: 0, lines: 0 });
    // Short items under a heading are kept with one another until the room is used.
    const items = keepPlan(
      [h('Kelemahan'), list(...Array.from({ length: 12 }, () => words(20)))],
      'portrait',
    );
    expect(items[1]!.lines).toBeGreaterThan(2);
    expect(items[1]!.lines).toBeLessThan(12);
    expect(items[1]!.next).toBe(items[1]!.lines - 1);
  });

  it('runs through a short section into the next heading, but cuts a run of many', () => {
    const short = keepPlan(
      [h('Kekuatan'), p('Belum ada.'), h('Kelemahan'), p(words(30))],
      'portrait',
    );
    expect(short[1]).toEqual({ next: 1, lines: 1 });
    const sections = Array.from({ length: 12 }, (_, i) => [h(`Bagian ${i}`), p(words(25))]).flat();
    const plan = keepPlan(sections, 'portrait');
    const cut = plan.filter((keep, i) => sections[i]!.kind === 'paragraph' && keep.next === 0);
    expect(cut.length).toBeGreaterThan(0);
  });

  it('keeps less under a heading on a landscape page, and none across a table', () => {
    const items = (o: 'portrait' | 'landscape') =>
      keepPlan([h('Lampiran'), list(...Array.from({ length: 12 }, () => words(30)))], o)[1]!.lines;
    expect(items('landscape')).toBeLessThan(items('portrait'));
    const table: Block = {
      kind: 'table',
      id: 'contoh',
      caption: 'Tabel 1. Contoh',
      columns: [{ header: 'No', align: 'center', width: 1 }],
      rows: [{ cells: [{ kind: 'text', text: '1' }] }],
    };
    expect(keepPlan([h('Hasil'), table, p(words(10)), p(words(10))], 'portrait').slice(2)).toEqual([
      { next: 0, lines: 0 },
      { next: 0, lines: 0 },
    ]);
  });
});

describe('the Word file keeps', () => {
  const docx = reportToDocx(mojokertoModel()).then(readDocx);
  const paragraphsWith = (document: string, text: string): string[] =>
    [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
      .map((m) => m[0])
      .filter((x) => x.includes(text));

  it('each lead-in ("… yang perlu disiapkan:") with the list under it', async () => {
    const { document } = await docx;
    const leadIns = paragraphsWith(document, 'yang perlu disiapkan:</w:t>');
    expect(leadIns.length).toBeGreaterThan(0);
    for (const x of leadIns) expect(x).toContain('<w:keepNext/>');
  });

  it('an aspect row of the indicator table with the row under it', async () => {
    const { document } = await docx;
    const rows = [...document.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
    const group = rows.filter((r) => r.includes('D9E2F3'));
    expect(group.length).toBeGreaterThan(0);
    for (const r of group) expect(r).toContain('<w:keepNext/>');
    // Besides the signatures, whose heads keep with the names under them (office.test.ts).
    const signature = (r: string) => r.includes('Ketua Tim Asesor Internal') || r.includes('NIP. ');
    expect(
      rows
        .filter((r) => !r.includes('D9E2F3') && !signature(r))
        .some((r) => r.includes('<w:keepNext/>')),
    ).toBe(false);
  });
});
