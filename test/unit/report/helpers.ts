/** Report test helpers: fixture snapshots, models built from them, DOCX text read back. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { evaluationSnapshotSchema, type EvaluationSnapshot } from '../../../shared/assessment';
import { defaultPack } from '../../../shared/instrument';
import {
  buildReport,
  previousFromSnapshot,
  type BuildReportInput,
  type ReportModel,
  type ReportProfile,
} from '../../../shared/report';
import { repoRoot } from '../helpers';

export const pack = defaultPack();

export function fixture(name: string): EvaluationSnapshot {
  const text = readFileSync(`${repoRoot}/test/fixtures/evaluations/${name}.json`, 'utf8');
  return evaluationSnapshotSchema.parse(JSON.parse(text));
}

export const balikpapanProfile: ReportProfile = {
  regulation: {
    kind: 'Peraturan Wali Kota',
    number: '14',
    year: 2022,
    title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
  },
  evaluationArticle: {
    article: 'Pasal 53 ayat (5)',
    text: 'Tim Asesor Internal melaporkan hasil pemantauan dan evaluasi sebagaimana dimaksud pada ayat (1) kepada Wali Kota melalui Koordinator SPBE.',
  },
};

export const NOW = new Date(2026, 10, 22, 10, 0, 0);

export function balikpapanModel(extra: Partial<BuildReportInput> = {}): ReportModel {
  return buildReport({
    snapshot: fixture('balikpapan-2026'),
    pack,
    previous: [previousFromSnapshot(pack, fixture('balikpapan-2025'))],
    profile: balikpapanProfile,
    now: NOW,
    ...extra,
  });
}

export function mojokertoModel(extra: Partial<BuildReportInput> = {}): ReportModel {
  return buildReport({ snapshot: fixture('mojokerto-2026-partial'), pack, now: NOW, ...extra });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e] ?? '');

export interface DocxParts {
  files: Record<string, Uint8Array>;
  document: string;
  /** Text of each paragraph of the body, in order. */
  paragraphs: string[];
  /** Text of each table row (cells joined with " | "). */
  rows: string[];
  text: string;
  xml: (path: string) => string;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const xml = (path: string): string => {
    const f = files[path];
    if (!f) throw new Error(`no ${path} in the docx`);
    return strFromU8(f);
  };
  const document = xml('word/document.xml');
  const textOf = (fragment: string): string =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => decode(m[1] ?? ''))
      .join('');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])).join(' | '),
  );
  return { files, document, paragraphs, rows, text: paragraphs.join('\n'), xml };
}
