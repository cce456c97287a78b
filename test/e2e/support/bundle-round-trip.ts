/**
 * Runs inside Chromium (bundled by bundle-io.e2e.ts): the bundle writer and reader on browser
 * APIs only, under the renderer's Content Security Policy. Exposes one async function on
 * globalThis that returns plain results for the test to assert.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type {
  EvaluationId,
  EvaluationSnapshot,
  EvidenceHash,
  EvidenceId,
  LinkId,
  RevisionId,
} from '../../../shared/assessment';
import { BundleError } from '../../../shared/bundle';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';

/** A realistic moment (the timestamp rule refuses times before 2000). */
const AT = Date.UTC(2026, 10, 22, 3);

function snapshot(files: Uint8Array[]): EvaluationSnapshot {
  const pack = defaultPack();
  const evaluationId = 'eval-browser' as EvaluationId;
  return {
    evaluation: {
      id: evaluationId,
      year: 2026,
      instrument: { id: pack.id, version: pack.version },
      instansi: {
        name: 'Pemerintah Kota Balikpapan',
        kind: 'kota',
        regionName: 'Balikpapan',
        province: '',
        headOfRegionTitle: 'Wali Kota',
        headOfRegionName: '',
        sekdaName: '',
        sekdaNip: '',
        ictAgencyName: '',
        ictAgencyAbbreviation: '',
        address: '',
        logoHash: null,
      },
      profileId: null,
      periodStart: null,
      periodEnd: null,
      status: 'active',
      origin: { kind: 'created' },
      createdAt: AT,
      updatedAt: AT,
    },
    answers: [1, 2, 3].map((indicator) => ({
      evaluationId,
      indicator,
      value: indicator + 1,
      justification: `Penjelasan ${indicator}`,
      agency: 'Diskominfo',
      status: 'draft' as const,
      reviewNote: '',
      carriedOver: false,
      updatedAt: AT,
      updatedBy: null,
      revision: `r-${indicator}` as RevisionId,
      ancestors: [],
      revisionOpen: false,
    })),
    evidence: files.map((bytes, i) => ({
      id: `ev-${i}` as EvidenceId,
      evaluationId,
      hash: bytesToHex(sha256(bytes)) as EvidenceHash,
      fileName: `Dokumen ${i}.pdf`,
      mimeType: 'application/pdf',
      size: bytes.byteLength,
      addedAt: AT,
      addedBy: null,
      kind: 'sk' as const,
      title: '',
      number: '',
      documentDate: null,
      description: '',
    })),
    links: files.map((_, i) => ({
      id: `ln-${i}` as LinkId,
      evaluationId,
      evidenceId: `ev-${i}` as EvidenceId,
      indicator: 1,
      levels: [1],
      note: '',
      addedAt: AT,
      addedBy: null,
    })),
    members: [],
    audit: [],
  };
}

async function roundTrip(): Promise<Record<string, unknown>> {
  const files = [new Uint8Array(300_000), new Uint8Array(1234)];
  crypto.getRandomValues(files[0]!.subarray(0, 65_536));
  crypto.getRandomValues(files[1]!);
  const snap = snapshot(files);
  const byHash = new Map(snap.evidence.map((e, i) => [e.hash as string, files[i]!]));
  const results: Record<string, unknown> = {};
  for (const password of [undefined, 'sandi-peramban']) {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const sink = new WritableStream<Uint8Array>({
      write(c) {
        chunks.push(c.slice() as Uint8Array<ArrayBuffer>);
      },
    });
    await writeBundle(
      sink,
      {
        snapshot: snap,
        pack: defaultPack(),
        appVersion: 'peramban',
        exportedBy: { memberId: null, name: 'Ani' },
        evidenceSource: (hash) => new Blob([byHash.get(hash)!.slice()]),
      },
      { includeEvidence: true, password },
    );
    const file = new File(chunks, 'ekspor.spbe');
    const opened = await readBundle(file, { appVersion: 'peramban', password });
    const same = await Promise.all(
      opened.files.map(async (f) => {
        const blob = await opened.evidenceBlob(f.hash);
        const back = new Uint8Array(await blob.arrayBuffer());
        return bytesToHex(sha256(back)) === f.hash && back.byteLength === f.size;
      }),
    );
    results[password ? 'encrypted' : 'plain'] = {
      snapshotEqual: JSON.stringify(opened.manifest.snapshot) === JSON.stringify(snap),
      files: opened.files.length,
      bytesEqual: same.every(Boolean),
      encrypted: opened.encrypted,
    };
    if (password) {
      const wrong = await readBundle(file, { appVersion: 'peramban', password: 'salah' }).catch(
        (e: unknown) => e,
      );
      const none = await readBundle(file, { appVersion: 'peramban' }).catch((e: unknown) => e);
      results.wrongPassword = wrong instanceof BundleError ? wrong.message : String(wrong);
      results.noPassword = none instanceof BundleError ? none.message : String(none);
    }
  }
  return results;
}

(globalThis as { spbeBundleRoundTrip?: typeof roundTrip }).spbeBundleRoundTrip = roundTrip;
