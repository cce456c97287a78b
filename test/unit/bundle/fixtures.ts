/**
 * Test evaluations for bundles and merges: a realistic snapshot (instansi, team, answers for the
 * chosen indicators, evidence documents with their bytes, links, audit events) built from a seed,
 * so that tests and the corpus script produce the same data every run.
 */
import { createHash } from 'node:crypto';
import type {
  Answer,
  AuditEvent,
  EvaluationId,
  EvaluationSnapshot,
  Evidence,
  EvidenceHash,
  EvidenceId,
  EvidenceLink,
  LinkId,
  Member,
  MemberId,
  RevisionId,
} from '../../../shared/assessment';
import { defaultPack } from '../../../shared/instrument';
import type { EvidenceSource, WriteBundleInput } from '../../../shared/bundle/zip';

export const sha256 = (bytes: Uint8Array): EvidenceHash =>
  createHash('sha256').update(bytes).digest('hex') as EvidenceHash;

/** Deterministic pseudo-random bytes (xorshift), so fixtures are stable across runs. */
export function seededBytes(seed: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export interface FixtureOptions {
  evaluationId?: string;
  /** Indicators answered, with their levels; default: all 47 with a pattern. */
  levels?: Record<number, number | null>;
  /** Evidence documents: size in bytes each; linked round-robin to the answered indicators. */
  evidenceSizes?: number[];
  seed?: number;
  members?: { id: string; name: string; nip?: string; indicators?: number[] }[];
  instansiName?: string;
  year?: number;
  at?: number;
  /** Give the instansi a logo (stored as a blob too). */
  logo?: boolean;
}

export interface Fixture {
  snapshot: EvaluationSnapshot;
  blobs: Map<string, Uint8Array>;
  source: EvidenceSource;
}

export const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);

export function makeFixture(o: FixtureOptions = {}): Fixture {
  const pack = defaultPack();
  const seed = o.seed ?? 1;
  const at = o.at ?? T0;
  const evaluationId = (o.evaluationId ?? `eval-${seed}`) as EvaluationId;
  const blobs = new Map<string, Uint8Array>();
  const memberSpecs = o.members ?? [
    { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2, 3] },
    { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [4, 5] },
  ];
  const members: Member[] = memberSpecs.map((m, i) => ({
    id: m.id as MemberId,
    evaluationId,
    name: m.name,
    nip: m.nip ?? '',
    position: 'Analis',
    role: i === 0 ? 'lead' : 'member',
    indicators: m.indicators ?? [],
    createdAt: at,
  }));
  const levels =
    o.levels ??
    Object.fromEntries(
      Array.from({ length: 47 }, (_, i) => [i + 1, ((i * 7 + seed) % 5) + 1] as const),
    );
  const answers: Answer[] = Object.entries(levels).map(([k, value]) => {
    const indicator = Number(k);
    return {
      evaluationId,
      indicator,
      value,
      justification: value === null ? '' : `Penjelasan indikator ${indicator} tingkat ${value}.`,
      agency: 'Diskominfo',
      status: 'submitted',
      reviewNote: '',
      carriedOver: false,
      updatedAt: at + indicator,
      updatedBy: members[0]?.id ?? null,
      revision: `rev-${seed}-${indicator}` as RevisionId,
      ancestors: [],
      revisionOpen: false,
    };
  });
  const answered = answers.map((a) => a.indicator);
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  (o.evidenceSizes ?? [1500, 40_000, 7]).forEach((size, i) => {
    const bytes = seededBytes(seed * 1000 + i, size);
    const hash = sha256(bytes);
    blobs.set(hash, bytes);
    const id = `ev-${seed}-${i}` as EvidenceId;
    evidence.push({
      id,
      evaluationId,
      hash,
      fileName: `Dokumen ${i + 1}.pdf`,
      mimeType: 'application/pdf',
      size,
      addedAt: at,
      addedBy: members[0]?.id ?? null,
      kind: 'sk',
      title: `SK Tim SPBE ${i + 1}`,
      number: `${100 + i}/2026`,
      documentDate: '2026-03-01',
      description: '',
    });
    const indicator = answered[i % Math.max(answered.length, 1)] ?? 1;
    links.push({
      id: `ln-${seed}-${i}` as LinkId,
      evaluationId,
      evidenceId: id,
      indicator,
      levels: [1, 2],
      note: 'Pasal 2',
      addedAt: at,
      addedBy: members[0]?.id ?? null,
    });
  });
  let logoHash: EvidenceHash | null = null;
  if (o.logo) {
    const bytes = seededBytes(seed * 7777, 900);
    logoHash = sha256(bytes);
    blobs.set(logoHash, bytes);
  }
  const audit: AuditEvent[] = answers.slice(0, 3).map((a, i) => ({
    id: `au-${seed}-${i}`,
    evaluationId,
    at: at + i,
    actor: members[0]?.id ?? null,
    actorName: members[0]?.name ?? '',
    entity: 'answer',
    action: 'update',
    indicator: a.indicator,
    field: 'value',
    oldValue: null,
    newValue: String(a.value),
    note: '',
  }));
  const snapshot: EvaluationSnapshot = {
    evaluation: {
      id: evaluationId,
      year: o.year ?? 2026,
      instrument: { id: pack.id, version: pack.version },
      instansi: {
        name: o.instansiName ?? 'Pemerintah Kota Balikpapan',
        kind: 'kota',
        regionName: 'Balikpapan',
        province: 'Kalimantan Timur',
        headOfRegionTitle: 'Wali Kota',
        headOfRegionName: '',
        sekdaName: '',
        sekdaNip: '',
        ictAgencyName: 'Dinas Komunikasi dan Informatika',
        ictAgencyAbbreviation: 'Diskominfo',
        address: '',
        logoHash,
      },
      profileId: null,
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      status: 'active',
      origin: { kind: 'created' },
      createdAt: at,
      updatedAt: at,
    },
    answers,
    evidence,
    links,
    members,
    audit,
  };
  const source: EvidenceSource = (hash) => {
    const bytes = blobs.get(hash);
    if (!bytes) throw new Error(`no blob ${hash}`);
    return new Blob([bytes.slice()]);
  };
  return { snapshot, blobs, source };
}

export const APP_VERSION = '0.1.0-uji';

export function writeInput(f: Fixture, exporter = 'Ani Rahmawati'): WriteBundleInput {
  return {
    snapshot: f.snapshot,
    pack: defaultPack(),
    appVersion: APP_VERSION,
    exportedBy: { memberId: f.snapshot.members[0]?.id ?? null, name: exporter },
    exportedAt: T0 + 3_600_000,
    evidenceSource: f.source,
  };
}

/** Collects a written bundle into one Blob (tests only: real callers stream to a file). */
export function memorySink(): { sink: WritableStream<Uint8Array>; blob: () => Blob } {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return {
    sink: new WritableStream<Uint8Array>({
      write(chunk) {
        chunks.push(chunk.slice() as Uint8Array<ArrayBuffer>);
      },
    }),
    blob: () => new Blob(chunks),
  };
}

export async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
