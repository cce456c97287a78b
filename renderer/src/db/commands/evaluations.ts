/**
 * Evaluations: create (optionally from a regional profile, with its regulation as the first
 * evidence document), edit the instansi profile, duplicate last year's as a starting point,
 * archive, delete. Each is one transaction over every table it touches.
 */
import {
  isOfInstansiYear,
  nextCopyLabel,
  newId,
  PERIOD_ORDER_MESSAGE,
  periodInOrder,
  type Answer,
  type EvaluationId,
  type Evaluation,
  type Evidence,
  type EvidenceHash,
  type EvidenceId,
  type EvidenceLink,
  type Instansi,
  type LinkId,
  type Member,
  type MemberId,
  type NewEvaluationInput,
  type RevisionId,
} from '../../../../shared/assessment';
import { findIndicator, findPack, type InstrumentRef } from '../../../../shared/instrument';
import { checkValues } from '../../../../shared/scoring';
import { logoInfo, logoUploadProblem } from '../../../../shared/report/office/image';
import {
  mappingFor,
  regulationEvidencePlan,
  type PlannedEvidenceLink,
  type Profile,
  type RegulationEvidencePlan,
} from '../../../../shared/profiles';
import { blobStore, withBlobTables } from '../blob-store';
import { db } from '../db';
import { guardWrite, StorageError } from '../errors';
import type { Actor } from './actor';
import { appendAudit } from './audit';
import { linkInTransaction, storeEvidence } from './evidence';
import type { FileLike } from './file-checks';
import { blobSha256 } from './hash';

export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/**
 * The evaluations of one instansi (by its name, ignoring case and spaces at the ends) and year:
 * the screens ask before adding another one, which then gets a label ("salinan 2").
 */
export function sameInstansiYear(instansiName: string, year: number): Promise<Evaluation[]> {
  return db.evaluations.filter((e) => isOfInstansiYear(e, instansiName, year)).toArray();
}

/** The label of one more evaluation of an instansi and year, or undefined for the first. */
async function nextLabel(instansiName: string, year: number): Promise<string | undefined> {
  return nextCopyLabel(await sameInstansiYear(instansiName, year));
}

/**
 * Why a chosen file cannot be the instansi's logo (Indonesian), or null when it can: empty, over
 * 5 MB, not named as an image, contents that are not a PNG, JPEG, SVG or WebP whatever the name
 * says (a renamed text file showed as a broken picture on the report's cover), or a size read
 * from the header that is zero, over 4.000 px a side or absurdly thin. Checked when the file is
 * chosen and again when it is stored.
 */
export async function logoProblem(logo: Blob): Promise<string | null> {
  if (logo.size === 0) return 'Berkas logo kosong.';
  if (logo.size > MAX_LOGO_BYTES) return 'Berkas logo terlalu besar (paling besar 5 MB).';
  if (!/^image\/(png|jpeg|svg\+xml|webp)$/.test(logo.type)) {
    return 'Logo harus berupa gambar PNG, JPEG, SVG, atau WebP.';
  }
  const bytes = new Uint8Array(await logo.arrayBuffer());
  if (logoInfo(bytes) === null) {
    return 'Isi berkas logo bukan gambar PNG, JPEG, SVG, atau WebP, meskipun namanya seperti gambar.';
  }
  return logoUploadProblem(bytes);
}

async function prepareLogo(
  logo: Blob | null | undefined,
): Promise<{ hash: EvidenceHash; blob: Blob } | null> {
  if (!logo) return null;
  const problem = await logoProblem(logo);
  if (problem) throw new StorageError(problem, 'other');
  return { hash: await blobSha256(logo), blob: logo };
}

/**
 * The links a new evaluation gets from its regulation: only the indicators the regulation
 * supports as an internal policy (role `policy`: indicators 1–10), each citing its articles.
 * The plan's `mandate` links (11–31: the regulation orders the practice, it does not prove it)
 * are left out on purpose: every link is read as "bukti dukung" of its indicator — in the
 * report's evidence lists, the library's "belum dipakai" filter, the count of indicators with
 * evidence, and compliance rules that accept any kind of document — so an automatic link would
 * present the regulation as evidence the assessors have not gathered. The scoring form shows
 * those articles and lets the assessor link them as "Dasar kewajiban" where wanted.
 */
export function supportingLinks(
  profile: Profile,
  plan: RegulationEvidencePlan,
  instrumentId: string = profile.instrumentId,
): PlannedEvidenceLink[] {
  return plan.links.filter(
    (l) => mappingFor(profile, l.indicator, instrumentId)?.role === 'policy',
  );
}

interface PreparedRegulation {
  file: FileLike & Blob;
  hash: EvidenceHash;
  plan: RegulationEvidencePlan;
  links: PlannedEvidenceLink[];
}

/** The regulation's text file, hashed (outside any transaction). */
async function prepareRegulation(
  profile: Profile,
  instrumentId: string,
): Promise<PreparedRegulation | null> {
  const plan = regulationEvidencePlan(profile, instrumentId);
  if (!plan) return null;
  const blob = new Blob([plan.text], { type: plan.mimeType });
  const file = Object.assign(blob, { name: plan.fileName }) as FileLike & Blob;
  return {
    file,
    hash: await blobSha256(file),
    plan,
    links: supportingLinks(profile, plan, instrumentId),
  };
}

/**
 * Creates an evaluation. With a regional `profile`, the same transaction stores its regulation
 * as an evidence document (metadata from the profile, the text copy as a file) linked to the
 * indicators it supports, each link citing the articles: all of it or nothing. Under a pack
 * other than the profile's instrument, the regulation is stored without links.
 */
export async function createEvaluation(
  input: NewEvaluationInput,
  actor: Actor,
  logo?: Blob | null,
  profile?: Profile | null,
): Promise<EvaluationId> {
  if (profile && input.profileId !== profile.id) {
    throw new StorageError(
      `Evaluasi baru menyebut profil "${input.profileId ?? '—'}", bukan "${profile.id}".`,
      'other',
    );
  }
  // Hashing is the slow, non-Dexie part: done before the transaction opens.
  const preparedLogo = await prepareLogo(logo);
  const regulation = profile ? await prepareRegulation(profile, input.instrumentId) : null;
  return guardWrite('Evaluasi baru', () =>
    db.transaction(
      'rw',
      withBlobTables([db.evaluations, db.evidence, db.links, db.audit]),
      async () => {
        const at = Date.now();
        const id = newId<EvaluationId>();
        const label = await nextLabel(input.instansi.name, input.year);
        if (preparedLogo) {
          await blobStore.put({ hash: preparedLogo.hash, data: preparedLogo.blob, createdAt: at });
        }
        const evaluation: Evaluation = {
          id,
          year: input.year,
          instrument: { id: input.instrumentId, version: input.instrumentVersion },
          instansi: { ...input.instansi, logoHash: preparedLogo?.hash ?? null },
          profileId: input.profileId,
          periodStart: null,
          periodEnd: null,
          status: 'active',
          origin: { kind: 'created' },
          ...(label ? { label } : {}),
          createdAt: at,
          updatedAt: at,
        };
        await db.evaluations.add(evaluation);
        await appendAudit(
          id,
          actor,
          [
            {
              entity: 'evaluation',
              action: 'create',
              note: `Evaluasi ${input.instansi.name} tahun ${input.year}${label ? ` (${label})` : ''}${
                input.profileId
                  ? ` dari profil daerah "${profile?.instansi.name ?? input.profileId}"`
                  : ''
              }`,
            },
          ],
          at,
        );
        if (regulation) {
          const { evidence } = await storeEvidence(
            id,
            regulation.file,
            regulation.hash,
            actor,
            at,
            regulation.plan.document,
          );
          // The plan's links name the profile's instrument (59/2020) indicators: under another
          // pack the regulation is kept as a document, unlinked.
          const links = input.instrumentId === profile?.instrumentId ? regulation.links : [];
          for (const link of links) {
            await linkInTransaction(
              id,
              evidence.id,
              link.indicator,
              link.levels,
              link.note,
              actor,
              at,
            );
          }
        }
        return id;
      },
    ),
  );
}

export type EvaluationEdit = Pick<Evaluation, 'year' | 'periodStart' | 'periodEnd'> & {
  instansi: Omit<Instansi, 'logoHash'>;
};

/** Edits the instansi profile and period; `logo` undefined keeps it, null removes it. */
export async function updateEvaluation(
  id: EvaluationId,
  edit: EvaluationEdit,
  actor: Actor,
  logo?: Blob | null,
): Promise<void> {
  if (!periodInOrder(edit.periodStart, edit.periodEnd))
    throw new StorageError(`${PERIOD_ORDER_MESSAGE}.`, 'other');
  const preparedLogo = logo === undefined ? undefined : await prepareLogo(logo);
  await guardWrite('Profil instansi', () =>
    db.transaction('rw', withBlobTables([db.evaluations, db.evidence, db.audit]), async () => {
      const current = await db.evaluations.get(id);
      if (!current) throw new StorageError('Evaluasi tidak ditemukan.', 'other');
      const at = Date.now();
      let logoHash = current.instansi.logoHash;
      if (preparedLogo !== undefined) {
        logoHash = preparedLogo?.hash ?? null;
        if (preparedLogo) {
          await blobStore.put({ hash: preparedLogo.hash, data: preparedLogo.blob, createdAt: at });
        }
      }
      const next: Evaluation = {
        ...current,
        ...edit,
        instansi: { ...edit.instansi, logoHash },
        updatedAt: at,
      };
      await db.evaluations.put(next);
      const changes = [];
      for (const key of Object.keys(edit.instansi) as (keyof typeof edit.instansi)[]) {
        if (current.instansi[key] !== edit.instansi[key]) {
          changes.push({
            entity: 'evaluation' as const,
            action: 'update' as const,
            field: `instansi.${key}`,
            oldValue: current.instansi[key],
            newValue: edit.instansi[key],
          });
        }
      }
      for (const key of ['year', 'periodStart', 'periodEnd'] as const) {
        if (current[key] !== edit[key])
          changes.push({
            entity: 'evaluation' as const,
            action: 'update' as const,
            field: key,
            oldValue: current[key],
            newValue: edit[key],
          });
      }
      if (logoHash !== current.instansi.logoHash) {
        changes.push({
          entity: 'evaluation' as const,
          action: 'update' as const,
          field: 'instansi.logo',
          oldValue: current.instansi.logoHash,
          newValue: logoHash,
        });
      }
      await appendAudit(id, actor, changes, at);
      if (current.instansi.logoHash && current.instansi.logoHash !== logoHash)
        await blobStore.collectGarbage([current.instansi.logoHash]);
    }),
  );
}

export function setArchived(id: EvaluationId, archived: boolean, actor: Actor): Promise<void> {
  return guardWrite(archived ? 'Pengarsipan' : 'Pemulihan dari arsip', () =>
    db.transaction('rw', db.evaluations, db.audit, async () => {
      const status = archived ? 'archived' : 'active';
      const at = Date.now();
      await db.evaluations.update(id, { status, updatedAt: at });
      await appendAudit(
        id,
        actor,
        [{ entity: 'evaluation', action: 'update', field: 'status', newValue: status }],
        at,
      );
    }),
  );
}

/** Deletes an evaluation and everything in it; evidence bytes go when no other evaluation uses them. */
export function deleteEvaluation(id: EvaluationId): Promise<void> {
  return guardWrite('Penghapusan evaluasi', () =>
    db.transaction(
      'rw',
      withBlobTables([
        db.evaluations,
        db.answers,
        db.evidence,
        db.links,
        db.members,
        db.audit,
        db.settings,
        db.tombstones,
      ]),
      async () => {
        const evaluation = await db.evaluations.get(id);
        if (!evaluation) return;
        const hashes = (await db.evidence.where('evaluationId').equals(id).toArray()).map(
          (e) => e.hash,
        );
        if (evaluation.instansi.logoHash) hashes.push(evaluation.instansi.logoHash);
        await db.answers.where('evaluationId').equals(id).delete();
        await db.evidence.where('evaluationId').equals(id).delete();
        await db.links.where('evaluationId').equals(id).delete();
        await db.members.where('evaluationId').equals(id).delete();
        await db.audit.where('evaluationId').equals(id).delete();
        await db.tombstones.where('evaluationId').equals(id).delete();
        await db.settings.delete(`currentMember:${id}`);
        await db.evaluations.delete(id);
        await blobStore.collectGarbage(hashes);
      },
    ),
  );
}

/**
 * A new evaluation for `year` starting from an earlier one: instansi, team, answers (marked as
 * carried over, to be reviewed), evidence documents and their links. Evidence bytes are shared.
 * With a `target` instrument other than the source's (59/2020 → Indeks Pemdi), only the team,
 * the instansi profile and the evidence documents are carried: values, answers and links belong
 * to the old instrument's indicators. The documents may then be linked through the target pack's
 * crosswalk ({@link crosswalkSuggestions}, {@link linkSuggestions}), only on confirmation.
 */
/** The audit's words for a copy into another version of the same instrument ("" otherwise). */
function versionNote(
  from: InstrumentRef,
  to: InstrumentRef,
  copied: number,
  total: number,
): string {
  if (from.version === to.version) return '';
  const left = total - copied;
  return `; instrumen versi ${from.version} → ${to.version}${left > 0 ? `, ${left} jawaban tidak sesuai versi baru dan tidak disalin` : ''}`;
}

export function duplicateEvaluation(
  sourceId: EvaluationId,
  year: number,
  actor: Actor,
  target?: InstrumentRef,
): Promise<EvaluationId> {
  return guardWrite('Salinan evaluasi', () =>
    db.transaction(
      'rw',
      [db.evaluations, db.answers, db.evidence, db.links, db.members, db.audit],
      async () => {
        const source = await db.evaluations.get(sourceId);
        if (!source) throw new StorageError('Evaluasi sumber tidak ditemukan.', 'other');
        const at = Date.now();
        const id = newId<EvaluationId>();
        const instrument = target ?? source.instrument;
        const crossPack = instrument.id !== source.instrument.id;
        // Another evaluation of the instansi in that year (the screen asked first) gets a label.
        const { label: _sourceLabel, ...fromSource } = source;
        const label = await nextLabel(source.instansi.name, year);
        await db.evaluations.add({
          ...fromSource,
          ...(label ? { label } : {}),
          id,
          year,
          instrument: { ...instrument },
          status: 'active',
          periodStart: null,
          periodEnd: null,
          origin: { kind: 'duplicated', fromEvaluationId: sourceId, fromYear: source.year },
          createdAt: at,
          updatedAt: at,
        });
        const memberIds = new Map<MemberId, MemberId>();
        const members = await db.members.where('evaluationId').equals(sourceId).toArray();
        await db.members.bulkAdd(
          members.map((m): Member => {
            const nextId = newId<MemberId>();
            memberIds.set(m.id, nextId);
            return { ...m, id: nextId, evaluationId: id, createdAt: at };
          }),
        );
        const mapMember = (m: MemberId | null) => (m ? (memberIds.get(m) ?? null) : null);
        // Another version of the same instrument (e.g. the official text loaded over the draft):
        // only answers to indicators the new version has, with a value its scale allows, travel.
        const targetPack = findPack(instrument.id, instrument.version);
        const fits = (a: Answer): boolean =>
          !targetPack ||
          (findIndicator(targetPack, a.indicator) !== undefined &&
            checkValues(targetPack, { [a.indicator]: a.value }).length === 0);
        const sourceAnswerCount = await db.answers.where('evaluationId').equals(sourceId).count();
        const answers = crossPack
          ? []
          : (await db.answers.where('evaluationId').equals(sourceId).toArray()).filter(fits);
        const copiedIndicators = new Set(answers.map((a) => a.indicator));
        await db.answers.bulkAdd(
          answers.map((a): Answer => ({
            ...a,
            evaluationId: id,
            status: 'draft',
            reviewNote: '',
            carriedOver: true,
            updatedBy: mapMember(a.updatedBy),
            revision: newId<RevisionId>(),
            ancestors: [],
            revisionOpen: true,
          })),
        );
        const evidenceIds = new Map<EvidenceId, EvidenceId>();
        const evidence = await db.evidence.where('evaluationId').equals(sourceId).toArray();
        await db.evidence.bulkAdd(
          evidence.map((e): Evidence => {
            const nextId = newId<EvidenceId>();
            evidenceIds.set(e.id, nextId);
            return { ...e, id: nextId, evaluationId: id, addedBy: mapMember(e.addedBy) };
          }),
        );
        const links = crossPack
          ? []
          : (await db.links.where('evaluationId').equals(sourceId).toArray()).filter(
              (l) => !targetPack || findIndicator(targetPack, l.indicator) !== undefined,
            );
        await db.links.bulkAdd(
          links.flatMap((l): EvidenceLink[] => {
            const evidenceId = evidenceIds.get(l.evidenceId);
            return evidenceId
              ? [
                  {
                    ...l,
                    id: newId<LinkId>(),
                    evaluationId: id,
                    evidenceId,
                    addedBy: mapMember(l.addedBy),
                  },
                ]
              : [];
          }),
        );
        await appendAudit(
          id,
          actor,
          [
            {
              entity: 'evaluation',
              action: 'create',
              note: crossPack
                ? `Disalin dari evaluasi tahun ${source.year} (${findPack(source.instrument.id)?.shortTitle ?? source.instrument.id}) ke instrumen ${findPack(instrument.id)?.shortTitle ?? instrument.id}: ${evidence.length} dokumen, ${members.length} anggota tim; nilai dan tautan tidak disalin`
                : `Disalin dari evaluasi tahun ${source.year}: ${answers.length} jawaban (perlu ditinjau), ${evidence.length} dokumen, ${members.length} anggota tim${versionNote(source.instrument, instrument, copiedIndicators.size, sourceAnswerCount)}`,
            },
          ],
          at,
        );
        return id;
      },
    ),
  );
}

/** One document of a cross-instrument copy and the target indicators it may serve. */
export interface CrosswalkSuggestion {
  /** The document in the new evaluation. */
  evidenceId: EvidenceId;
  fileName: string;
  title: string;
  /** The source indicators the document was linked to (ascending). */
  fromIndicators: number[];
  /** Target indicators suggested by the crosswalk (ascending), none already linked. */
  toIndicators: number[];
}

/**
 * The crosswalk suggestions for an evaluation copied from another instrument: for each document
 * that was linked to an indicator of the source evaluation, the target pack's indicators the
 * crosswalk names for those indicators. Suggestions only: nothing is linked here.
 */
export async function crosswalkSuggestions(
  evaluationId: EvaluationId,
): Promise<CrosswalkSuggestion[]> {
  const evaluation = await db.evaluations.get(evaluationId);
  if (!evaluation || evaluation.origin.kind !== 'duplicated') return [];
  const source = await db.evaluations.get(evaluation.origin.fromEvaluationId);
  const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
  if (!source || !pack || source.instrument.id === evaluation.instrument.id) return [];
  const walk = pack.crosswalk.filter((c) => c.fromPack === source.instrument.id);
  if (walk.length === 0) return [];
  const sourceDocs = await db.evidence.where('evaluationId').equals(source.id).toArray();
  const sourceLinks = await db.links.where('evaluationId').equals(source.id).toArray();
  const docs = await db.evidence.where('evaluationId').equals(evaluationId).toArray();
  const links = await db.links.where('evaluationId').equals(evaluationId).toArray();
  const out: CrosswalkSuggestion[] = [];
  for (const doc of docs) {
    // The copy keeps each document's hash and name: that pairs it with its source document.
    const from = sourceDocs.find((d) => d.hash === doc.hash && d.fileName === doc.fileName);
    if (!from) continue;
    const fromIndicators = [
      ...new Set(sourceLinks.filter((l) => l.evidenceId === from.id).map((l) => l.indicator)),
    ].sort((a, b) => a - b);
    const linked = new Set(links.filter((l) => l.evidenceId === doc.id).map((l) => l.indicator));
    const toIndicators = [
      ...new Set(walk.filter((c) => fromIndicators.includes(c.from)).flatMap((c) => c.to)),
    ]
      .filter((n) => !linked.has(n) && findIndicator(pack, n) !== undefined)
      .sort((a, b) => a - b);
    if (toIndicators.length > 0)
      out.push({
        evidenceId: doc.id,
        fileName: doc.fileName,
        title: doc.title,
        fromIndicators,
        toIndicators,
      });
  }
  return out.sort((a, b) => a.fileName.localeCompare(b.fileName));
}

/** Links the confirmed crosswalk suggestions (document → indicator), all in one transaction. */
export function linkSuggestions(
  evaluationId: EvaluationId,
  chosen: readonly { evidenceId: EvidenceId; indicator: number }[],
  actor: Actor,
): Promise<void> {
  return guardWrite('Tautan saran padanan', () =>
    db.transaction('rw', [db.evidence, db.links, db.audit], async () => {
      const at = Date.now();
      for (const c of chosen) {
        const doc = await db.evidence.get(c.evidenceId);
        if (!doc || doc.evaluationId !== evaluationId)
          throw new StorageError('Dokumen tidak ditemukan pada evaluasi ini.', 'other');
        await linkInTransaction(
          evaluationId,
          c.evidenceId,
          c.indicator,
          [],
          'Dari saran padanan instrumen',
          actor,
          at,
        );
      }
    }),
  );
}
