/**
 * Assessors' .spbe files for merge tests, written in Node by the app's own bundle writer: the
 * coordinator's evaluation with one assessor's changes to some indicators (each a new revision
 * grown from the base's, as an edit after the evaluation was sent out), exported for those
 * indicators only. Bundled by esbuild before use (Playwright's loader cannot resolve zip.js's
 * subpath imports), see assessorBundleWriter in merge-zoom.e2e.ts.
 */
import type { EvaluationSnapshot, RevisionId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';

export interface AssessorChange {
  value: number;
  justification: string;
}

/** The bytes of one assessor's file, exported at `exportedAt` by `name`. */
export async function assessorBundle(
  base: EvaluationSnapshot,
  name: string,
  changes: Record<number, AssessorChange>,
  exportedAt: number,
): Promise<Uint8Array> {
  const pack = findPack(base.evaluation.instrument.id, base.evaluation.instrument.version);
  if (!pack) throw new Error(`no pack ${base.evaluation.instrument.id}`);
  const snapshot: EvaluationSnapshot = {
    ...base,
    answers: base.answers.map((a) => {
      const change = changes[a.indicator];
      if (!change) return a;
      return {
        ...a,
        ...change,
        updatedAt: exportedAt - 3_600_000 + a.indicator,
        updatedBy: null,
        revision: `${a.revision}-${name.replace(/\W/g, '')}` as RevisionId,
        ancestors: [a.revision, ...a.ancestors],
      };
    }),
  };
  const chunks: Uint8Array[] = [];
  await writeBundle(
    new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk.slice()) }),
    {
      snapshot,
      pack,
      appVersion: '0.1.0',
      exportedBy: { memberId: null, name },
      exportedAt,
      tombstones: [],
    },
    { includeEvidence: false, indicators: Object.keys(changes).map(Number) },
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
