/** Report test helpers: fixture snapshots, models built from them, DOCX text read back. */
import { readFileSync } from 'node:fs';
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

export { readDocx, type DocxParts } from './docx-reader';
