/**
 * A small evaluation for compliance tests on either pack: answers by indicator, documents with
 * their kind, title, date and the indicators they are linked to, and the instansi (Kota
 * Balikpapan unless told).
 */
import {
  evaluationSnapshotSchema,
  type EvaluationSnapshot,
  type EvidenceKind,
} from '../../../shared/assessment';
import { defaultPack, packRef, type InstrumentPack } from '../../../shared/instrument';

export interface Doc {
  id: string;
  kind: EvidenceKind;
  title: string;
  number?: string;
  date: string | null;
  /** Indicators it is linked to. */
  indicators: number[];
}

export const EVAL = 'eval-1';
const AT = Date.UTC(2026, 0, 1);

export function evaluationOf(options: {
  pack?: InstrumentPack;
  year?: number;
  answers?: Record<number, number | null>;
  docs?: Doc[];
  instansi?: { name: string; kind: 'kota' | 'kabupaten'; regionName: string };
}): EvaluationSnapshot {
  const { pack = defaultPack(), year = 2025, answers = {}, docs = [] } = options;
  const instansi = options.instansi ?? {
    name: 'Pemerintah Kota Balikpapan',
    kind: 'kota',
    regionName: 'Balikpapan',
  };
  return evaluationSnapshotSchema.parse({
    evaluation: {
      id: EVAL,
      year,
      instrument: packRef(pack),
      instansi: {
        ...instansi,
        headOfRegionTitle: instansi.kind === 'kota' ? 'Wali Kota' : 'Bupati',
      },
      createdAt: AT,
      updatedAt: AT,
    },
    answers: Object.entries(answers).map(([n, value]) => ({
      evaluationId: EVAL,
      indicator: Number(n),
      value,
      justification: '',
      agency: '',
      status: 'draft',
      reviewNote: '',
      carriedOver: false,
      updatedAt: AT,
      updatedBy: null,
      revision: `rev-${n}`,
      ancestors: [],
      revisionOpen: true,
    })),
    evidence: docs.map((d, i) => ({
      id: d.id,
      evaluationId: EVAL,
      hash: i.toString(16).padStart(64, '0'),
      fileName: `${d.id}.pdf`,
      mimeType: 'application/pdf',
      size: 1000,
      addedAt: AT,
      addedBy: null,
      kind: d.kind,
      title: d.title,
      number: d.number ?? '',
      documentDate: d.date,
      description: '',
    })),
    links: docs.flatMap((d) =>
      d.indicators.map((n) => ({
        id: `link-${d.id}-${n}`,
        evaluationId: EVAL,
        evidenceId: d.id,
        indicator: n,
        levels: [2],
        note: '',
        addedAt: AT,
        addedBy: null,
      })),
    ),
    members: [],
    audit: [],
  });
}
