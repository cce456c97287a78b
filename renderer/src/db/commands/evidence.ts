/**
 * The evidence vault: adding files (bytes stored once per SHA-256), editing document metadata,
 * replacing a document's file ("Ganti berkas"), linking documents to indicators and levels,
 * unlinking, and deleting documents. Each file is checked and hashed before its single
 * transaction; a failure leaves every other answer and document exactly as it was.
 */
import {
  DEFAULT_MAX_EVIDENCE_BYTES,
  guessEvidenceKind,
  LIMITS,
  newId,
  shortenFileName,
  titleFromFileName,
  type EvaluationId,
  type Evidence,
  type EvidenceEdit,
  type EvidenceHash,
  type EvidenceId,
  type EvidenceLink,
  type LinkId,
} from '../../../../shared/assessment';
import { blobStore, withBlobTables } from '../blob-store';
import { db } from '../db';
import { guardWrite, StorageError, toStorageError } from '../errors';
import type { Actor } from './actor';
import { appendAudit } from './audit';
import { checkEvidenceFile, mimeOf, RejectedFileError, type FileLike } from './file-checks';
import { blobSha256, Sha256Reader } from './hash';

export type AddFileResult =
  | {
      ok: true;
      evidence: Evidence;
      duplicate: boolean;
      /**
       * A copy of a document whose bytes were missing here (received without its file): the
       * bytes are now stored, and the document can be opened.
       */
      filled?: boolean;
      /** Set when the file name was over the limit and stored shortened: what to tell the user. */
      notice?: string;
    }
  | {
      ok: false;
      fileName: string;
      message: string;
      /** Set when the disk was full: the caller says it once for all such files. */
      full?: true;
    };

/** What a file not stored because the disk is full reads (the words of every full-disk refusal). */
export const diskFullFileText = (fileName: string): string =>
  toStorageError({ name: 'QuotaExceededError' }, `Berkas "${fileName}"`).message;

/**
 * What the user is told when a name was shortened (the file itself is kept whole). Names the
 * limit, the stored name and where the original stays.
 */
export const shortenedNameNotice = (original: string, stored: string): string =>
  `Nama berkas terlalu panjang (${original.length} karakter, paling banyak ${LIMITS.evidenceFileName}). Berkas tetap disimpan dengan nama "${stored}"; nama aslinya dicatat di riwayat perubahan.`;

/** The audit note keeping an over-long original name (itself capped to the note's limit). */
export const originalNameNote = (original: string): string =>
  `Nama berkas asli (${original.length} karakter) dipendekkan: ${original}`.slice(
    0,
    LIMITS.auditNote,
  );

export interface AddFileOptions {
  maxBytes?: number;
  /** Link the new document to this indicator (and levels) in the same transaction. */
  linkTo?: { indicator: number; levels: number[] };
  /** Title and kind the user gave a file before it was stored (by file object). */
  meta?: ReadonlyMap<FileLike, Partial<Pick<Evidence, 'kind' | 'title'>>>;
  /** Hashes already computed for these files (by file object): not read a second time. */
  hashes?: ReadonlyMap<FileLike, EvidenceHash>;
}

export const MAX_EVIDENCE_SETTING = 'maxEvidenceBytes';

export async function maxEvidenceBytes(): Promise<number> {
  const row = await db.settings.get(MAX_EVIDENCE_SETTING);
  return typeof row?.value === 'number' && row.value > 0 ? row.value : DEFAULT_MAX_EVIDENCE_BYTES;
}

/**
 * Stores the blob (if new) and the evidence row, with its audit event; must run inside a
 * transaction over evidence, audit and BLOB_STORE_TABLES (used by the commands that add documents).
 */
export async function storeEvidence(
  evaluationId: EvaluationId,
  file: FileLike & Blob,
  hash: EvidenceHash,
  actor: Actor,
  at: number,
  meta?: Partial<Pick<Evidence, 'kind' | 'title' | 'number' | 'documentDate' | 'description'>>,
): Promise<{ evidence: Evidence; duplicate: boolean; filled?: boolean; notice?: string }> {
  const existing = await db.evidence
    .where('[evaluationId+hash]')
    .equals([evaluationId, hash])
    .first();
  if (existing) {
    // A document received without its file (an export or team file without evidence) is
    // completed by the same file added here: the hash proves the bytes are the document's.
    if (await blobStore.has(hash)) return { evidence: existing, duplicate: true };
    await blobStore.put({
      hash,
      data: new Blob([file], { type: existing.mimeType }),
      type: existing.mimeType,
      createdAt: at,
    });
    return { evidence: existing, duplicate: true, filled: true };
  }
  const type = mimeOf(file.name, file.type);
  // A fresh Blob with the right type (kept only when the hash is new); IndexedDB copies the bytes
  // into its own storage.
  await blobStore.put({ hash, data: new Blob([file], { type }), type, createdAt: at });
  // An over-long name is shortened (extension kept), never a reason to lose the file; the
  // original is kept in the audit trail.
  const fileName = shortenFileName(file.name.trim() || 'berkas');
  const shortened = fileName !== file.name.trim();
  const evidence: Evidence = {
    id: newId<EvidenceId>(),
    evaluationId,
    hash,
    fileName,
    mimeType: type,
    size: file.size,
    addedAt: at,
    addedBy: actor.id,
    kind: meta?.kind ?? guessEvidenceKind(file.name, type),
    title: meta?.title ?? titleFromFileName(fileName).slice(0, LIMITS.evidenceTitle),
    number: meta?.number ?? '',
    documentDate: meta?.documentDate ?? null,
    description: meta?.description ?? '',
  };
  await db.evidence.add(evidence);
  await appendAudit(
    evaluationId,
    actor,
    [
      {
        entity: 'evidence',
        action: 'create',
        field: 'fileName',
        newValue: fileName,
        ...(shortened ? { note: originalNameNote(file.name) } : {}),
      },
    ],
    at,
  );
  return shortened
    ? { evidence, duplicate: false, notice: shortenedNameNotice(file.name, fileName) }
    : { evidence, duplicate: false };
}

type Prepared = { ok: true; hash: EvidenceHash } | { ok: false; message: string };

/** Checks and hashes a file, outside any transaction (the slow part, safe to run in parallel). */
async function prepareFile(
  file: FileLike & Blob,
  maxBytes: number,
  reader: Sha256Reader,
  known?: EvidenceHash,
): Promise<Prepared> {
  try {
    await checkEvidenceFile(file, maxBytes);
    try {
      return { ok: true, hash: known ?? (await reader.hash(file)) };
    } catch {
      throw new RejectedFileError(file.name, `Berkas "${file.name}" tidak dapat dibaca.`);
    }
  } catch (e) {
    if (e instanceof RejectedFileError) return { ok: false, message: e.message };
    return {
      ok: false,
      message: `Berkas "${file.name}" gagal dibaca: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Writes checked, hashed files (bytes, documents, optional links, audit) in ONE transaction: all
 * of them or none. Writing a few files per transaction keeps a large drop fast (the screen
 * refreshes once per batch, not once per file).
 */
async function commitFiles(
  evaluationId: EvaluationId,
  items: ReadonlyArray<{ file: FileLike & Blob; hash: EvidenceHash }>,
  actor: Actor,
  options: AddFileOptions,
): Promise<AddFileResult[]> {
  if (items.length === 0) return [];
  try {
    return await guardWrite(
      items.length === 1
        ? `Berkas "${items[0]?.file.name}"`
        : `${items.length} berkas (${items.map((i) => i.file.name).join(', ')})`,
      () =>
        db.transaction(
          'rw',
          withBlobTables([db.evidence, db.links, db.audit, db.evaluations]),
          async () => {
            const at = Date.now();
            const results: AddFileResult[] = [];
            for (const { file, hash } of items) {
              const stored = await storeEvidence(
                evaluationId,
                file,
                hash,
                actor,
                at,
                options.meta?.get(file),
              );
              if (options.linkTo) {
                await linkInTransaction(
                  evaluationId,
                  stored.evidence.id,
                  options.linkTo.indicator,
                  options.linkTo.levels,
                  '',
                  actor,
                  at,
                );
              }
              results.push({ ok: true, ...stored });
            }
            await db.evaluations.update(evaluationId, { updatedAt: at });
            return results;
          },
        ),
    );
  } catch (e) {
    if (e instanceof StorageError && e.kind === 'quota') {
      return items.map(({ file }) => ({
        ok: false as const,
        fileName: file.name,
        message: diskFullFileText(file.name),
        full: true as const,
      }));
    }
    const message = e instanceof Error ? e.message : String(e);
    return items.map(({ file }) => ({ ok: false as const, fileName: file.name, message }));
  }
}

/** Adds one file; never throws for a bad file (the result says why it was refused). */
export async function addEvidenceFile(
  evaluationId: EvaluationId,
  file: FileLike & Blob,
  actor: Actor,
  options: AddFileOptions = {},
): Promise<AddFileResult> {
  const prepared = await prepareFile(
    file,
    options.maxBytes ?? (await maxEvidenceBytes()),
    new Sha256Reader(),
  );
  if (!prepared.ok) return { ok: false, fileName: file.name, message: prepared.message };
  const [result] = await commitFiles(evaluationId, [{ file, hash: prepared.hash }], actor, options);
  return (
    result ?? { ok: false, fileName: file.name, message: `Berkas "${file.name}" tidak disimpan.` }
  );
}

/** How many files are read and hashed at once while earlier ones are being written. */
export const HASH_CONCURRENCY = 2;
/** Files written per transaction (a failed batch leaves none of its files half-written). */
export const COMMIT_BATCH = 8;

/**
 * Adds several files, reporting every outcome in order. Reading and hashing (the slow part) runs
 * ahead of the writes, HASH_CONCURRENCY files at a time, so memory stays bounded by a few files;
 * the checked files are written COMMIT_BATCH at a time, each batch in one transaction.
 */
export async function addEvidenceFiles(
  evaluationId: EvaluationId,
  files: ReadonlyArray<FileLike & Blob>,
  actor: Actor,
  options: AddFileOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<AddFileResult[]> {
  const maxBytes = options.maxBytes ?? (await maxEvidenceBytes());
  // One reader (and so one reusable buffer) per concurrent hash, handed on in the files' order.
  const idle = Array.from({ length: HASH_CONCURRENCY }, () => new Sha256Reader());
  const waiting: Array<(reader: Sha256Reader) => void> = [];
  const acquire = (): Promise<Sha256Reader> => {
    const reader = idle.pop();
    return reader ? Promise.resolve(reader) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (reader: Sha256Reader): void => {
    const next = waiting.shift();
    if (next) next(reader);
    else idle.push(reader);
  };
  // Every file's outcome as a promise at once; a file is read only once a reader is free.
  const prepared = files.map((file) =>
    acquire().then((reader) =>
      prepareFile(file, maxBytes, reader, options.hashes?.get(file)).finally(() => release(reader)),
    ),
  );
  const results: AddFileResult[] = [];
  // Once the disk is full, the later files are not written (each batch would fail the same way).
  let full = false;
  for (let start = 0; start < files.length; start += COMMIT_BATCH) {
    const batch = files.slice(start, start + COMMIT_BATCH);
    const ready: Array<{ file: FileLike & Blob; hash: EvidenceHash }> = [];
    const outcome = new Map<number, AddFileResult>();
    for (const [offset, file] of batch.entries()) {
      const p = await prepared[start + offset];
      if (p?.ok) ready.push({ file, hash: p.hash });
      else
        outcome.set(offset, {
          ok: false,
          fileName: file.name,
          message: p?.message ?? 'Berkas tidak dapat dibaca.',
        });
    }
    const committed = full
      ? ready.map(({ file }) => ({
          ok: false as const,
          fileName: file.name,
          message: diskFullFileText(file.name),
          full: true as const,
        }))
      : await commitFiles(evaluationId, ready, actor, options);
    if (committed.some((r) => !r.ok && r.full)) full = true;
    let c = 0;
    for (let offset = 0; offset < batch.length; offset += 1) {
      results.push(outcome.get(offset) ?? (committed[c++] as AddFileResult));
    }
    onProgress?.(Math.min(start + COMMIT_BATCH, files.length), files.length);
  }
  return results;
}

/** Stores a document from known bytes (e.g. the regional regulation text of a profile). */
export async function addEvidenceFromBlob(
  evaluationId: EvaluationId,
  blob: Blob,
  fileName: string,
  actor: Actor,
  meta: Partial<Pick<Evidence, 'kind' | 'title' | 'number' | 'documentDate' | 'description'>>,
): Promise<Evidence> {
  const file = Object.assign(new Blob([blob], { type: blob.type }), {
    name: fileName,
  }) as FileLike & Blob;
  const hash = await blobSha256(file);
  return guardWrite(`Dokumen "${fileName}"`, () =>
    db.transaction(
      'rw',
      withBlobTables([db.evidence, db.audit]),
      async () => (await storeEvidence(evaluationId, file, hash, actor, Date.now(), meta)).evidence,
    ),
  );
}

export function updateEvidenceMetadata(
  evidenceId: EvidenceId,
  edit: EvidenceEdit,
  actor: Actor,
): Promise<void> {
  return guardWrite('Keterangan dokumen', () =>
    db.transaction('rw', db.evidence, db.audit, async () => {
      const current = await db.evidence.get(evidenceId);
      if (!current)
        throw new StorageError('Dokumen tidak ditemukan; mungkin sudah dihapus.', 'other');
      const changes = (Object.keys(edit) as (keyof EvidenceEdit)[])
        .filter((k) => current[k] !== edit[k])
        .map((k) => ({
          entity: 'evidence' as const,
          action: 'update' as const,
          field: k,
          oldValue: current[k],
          newValue: edit[k],
          note: current.fileName,
        }));
      if (changes.length === 0) return;
      await db.evidence.put({ ...current, ...edit });
      await appendAudit(current.evaluationId, actor, changes);
    }),
  );
}

/**
 * Links a document to an indicator (merging levels when it is already linked there), with its
 * audit event; must run inside a transaction over links, evidence and audit.
 */
export async function linkInTransaction(
  evaluationId: EvaluationId,
  evidenceId: EvidenceId,
  indicator: number,
  levels: number[],
  note: string,
  actor: Actor,
  at: number,
): Promise<EvidenceLink> {
  const existing = await db.links
    .where('[evaluationId+indicator]')
    .equals([evaluationId, indicator])
    .filter((l) => l.evidenceId === evidenceId)
    .first();
  if (existing) {
    const merged = [...new Set([...existing.levels, ...levels])].sort((a, b) => a - b);
    const next = { ...existing, levels: merged, note: note || existing.note };
    await db.links.put(next);
    return next;
  }
  const link: EvidenceLink = {
    id: newId<LinkId>(),
    evaluationId,
    evidenceId,
    indicator,
    levels: [...new Set(levels)].sort((a, b) => a - b),
    note,
    addedAt: at,
    addedBy: actor.id,
  };
  await db.links.add(link);
  const doc = await db.evidence.get(evidenceId);
  await appendAudit(
    evaluationId,
    actor,
    [
      {
        entity: 'link',
        action: 'create',
        indicator,
        field: 'evidence',
        newValue: doc?.fileName ?? evidenceId,
        note: levels.length > 0 ? `Tingkat ${levels.join(', ')}` : '',
      },
    ],
    at,
  );
  return link;
}

/** Links a document to an indicator (merging levels when it is already linked there). */
export function linkEvidence(
  evaluationId: EvaluationId,
  evidenceId: EvidenceId,
  indicator: number,
  levels: number[],
  note: string,
  actor: Actor,
): Promise<EvidenceLink> {
  return guardWrite('Tautan bukti dukung', () =>
    db.transaction('rw', [db.links, db.evidence, db.audit], () =>
      linkInTransaction(evaluationId, evidenceId, indicator, levels, note, actor, Date.now()),
    ),
  );
}

/** Changes which levels (and which note) a link backs. */
export function updateLink(
  linkId: LinkId,
  levels: number[],
  note: string,
  actor: Actor,
): Promise<void> {
  return guardWrite('Tautan bukti dukung', () =>
    db.transaction('rw', [db.links, db.evidence, db.audit], async () => {
      const link = await db.links.get(linkId);
      if (!link) return;
      const sorted = [...new Set(levels)].sort((a, b) => a - b);
      if (sorted.join() === link.levels.join() && note === link.note) return;
      await db.links.put({ ...link, levels: sorted, note });
      const doc = await db.evidence.get(link.evidenceId);
      await appendAudit(link.evaluationId, actor, [
        {
          entity: 'link',
          action: 'update',
          indicator: link.indicator,
          field: 'levels',
          oldValue: link.levels.join(', '),
          newValue: sorted.join(', '),
          note: doc?.fileName ?? '',
        },
      ]);
    }),
  );
}

/**
 * Pemdi: which butir of the indicator a linked document answers (codes of the pack). An empty
 * list removes the field, so a link without butir looks as before.
 */
export function updateLinkButir(linkId: LinkId, butir: string[], actor: Actor): Promise<void> {
  return guardWrite('Tautan bukti dukung', () =>
    db.transaction('rw', [db.links, db.evidence, db.audit], async () => {
      const link = await db.links.get(linkId);
      if (!link) return;
      const sorted = [...new Set(butir)].sort();
      const before = link.butir ?? [];
      if (sorted.join() === before.join()) return;
      const { butir: _old, ...rest } = link;
      await db.links.put(sorted.length > 0 ? { ...rest, butir: sorted } : rest);
      const doc = await db.evidence.get(link.evidenceId);
      await appendAudit(link.evaluationId, actor, [
        {
          entity: 'link',
          action: 'update',
          indicator: link.indicator,
          field: 'butir',
          oldValue: before.join(', '),
          newValue: sorted.join(', '),
          note: doc?.fileName ?? '',
        },
      ]);
    }),
  );
}

/** Removes a link. The document itself always stays in the vault. */
export function unlinkEvidence(linkId: LinkId, actor: Actor): Promise<void> {
  return guardWrite('Pelepasan tautan', () =>
    db.transaction('rw', [db.links, db.evidence, db.audit, db.tombstones], async () => {
      const link = await db.links.get(linkId);
      if (!link) return;
      const at = Date.now();
      await db.links.delete(linkId);
      const doc = await db.evidence.get(link.evidenceId);
      // The deletion travels with the next export (shared/merge/tombstones.ts).
      if (doc) {
        await db.tombstones.add({
          id: newId(),
          evaluationId: link.evaluationId,
          at,
          by: { memberId: actor.id, name: actor.name },
          entity: 'link',
          link,
          hash: doc.hash,
          fileName: doc.fileName,
        });
      }
      await appendAudit(
        link.evaluationId,
        actor,
        [
          {
            entity: 'link',
            action: 'delete',
            indicator: link.indicator,
            field: 'evidence',
            oldValue: doc?.fileName ?? link.evidenceId,
          },
        ],
        at,
      );
    }),
  );
}

/**
 * Records that this version of a document (with its links as they were) is gone, inside the
 * caller's transaction: the deletion travels with the next export (shared/merge/tombstones.ts).
 */
function recordDeletion(
  doc: Evidence,
  links: EvidenceLink[],
  actor: Actor,
  at: number,
): Promise<unknown> {
  return db.tombstones.add({
    id: newId(),
    evaluationId: doc.evaluationId,
    at,
    by: { memberId: actor.id, name: actor.name },
    entity: 'evidence',
    evidence: doc,
    links,
  });
}

/** Deletes a document and its links (the user confirmed); its bytes go when nothing uses them. */
export function deleteEvidence(evidenceId: EvidenceId, actor: Actor): Promise<void> {
  return guardWrite('Penghapusan dokumen', () =>
    db.transaction(
      'rw',
      withBlobTables([db.evidence, db.links, db.audit, db.tombstones]),
      async () => {
        const doc = await db.evidence.get(evidenceId);
        if (!doc) return;
        const at = Date.now();
        const links = await db.links.where('evidenceId').equals(evidenceId).toArray();
        await db.links.bulkDelete(links.map((l) => l.id));
        await db.evidence.delete(evidenceId);
        await blobStore.collectGarbage([doc.hash]);
        await recordDeletion(doc, links, actor, at);
        await appendAudit(
          doc.evaluationId,
          actor,
          [
            {
              entity: 'evidence',
              action: 'delete',
              field: 'fileName',
              oldValue: doc.fileName,
              note:
                links.length > 0
                  ? `Beserta ${links.length} tautan ke indikator ${[...new Set(links.map((l) => l.indicator))].join(', ')}`
                  : '',
            },
          ],
          at,
        );
      },
    ),
  );
}

export type ReplaceFileResult =
  | {
      ok: true;
      /** The document as it is now (same id, title, notes and links; the new file). */
      evidence: Evidence;
      /** The document as it was before (its old file). */
      previous: Evidence;
      /** Indicators the document stays linked to. */
      indicators: number[];
      /** Set when the new file name was over the limit and stored shortened. */
      notice?: string;
    }
  | {
      ok: false;
      message: string;
      /** The disk was full. */
      full?: true;
    };

/**
 * "Ganti berkas": puts another file (a signed SK for its unsigned draft) behind a stored
 * document, keeping its id, title, number, date, description and every link to indicators.
 *
 * The file is checked and hashed exactly as an added file is (`prepareFile`: size limit, type,
 * content, unreadable file), outside the transaction. Then ONE transaction stores the new bytes,
 * rewrites the document row, records the change in the audit log, and lets the old bytes go only
 * when no document (of any evaluation) or logo refers to them any more (BlobStore). A failure at
 * any step (a full disk) leaves the document, its links and its old file exactly as they were.
 *
 * Across files a document is known by its SHA-256 (shared/merge/unite.ts), so the old version is
 * recorded as a deleted document (a tombstone with the row and links as they were): a teammate's
 * untouched copy of the old version gives way to the new one in a merge or an import, and a copy
 * the teammate edited meanwhile is a deletion conflict for the coordinator (shared/merge/
 * tombstones.ts). No new bundle field is needed.
 */
export async function replaceEvidenceFile(
  evidenceId: EvidenceId,
  file: FileLike & Blob,
  actor: Actor,
  options: { maxBytes?: number } = {},
): Promise<ReplaceFileResult> {
  const prepared = await prepareFile(
    file,
    options.maxBytes ?? (await maxEvidenceBytes()),
    new Sha256Reader(),
  );
  if (!prepared.ok) return { ok: false, message: prepared.message };
  const hash = prepared.hash;
  try {
    return await guardWrite(`Berkas pengganti "${file.name}"`, () =>
      db.transaction(
        'rw',
        withBlobTables([db.evidence, db.links, db.audit, db.tombstones, db.evaluations]),
        async (): Promise<ReplaceFileResult> => {
          const current = await db.evidence.get(evidenceId);
          if (!current)
            return { ok: false, message: 'Dokumen tidak ditemukan; mungkin sudah dihapus.' };
          const label = current.title.trim() || current.fileName;
          if (current.hash === hash) {
            return {
              ok: false,
              message: `Berkas "${file.name}" sama isinya dengan berkas dokumen "${label}" saat ini; tidak ada yang diganti.`,
            };
          }
          // One document per content in an evaluation (a merge knows documents by SHA-256).
          const other = await db.evidence
            .where('[evaluationId+hash]')
            .equals([current.evaluationId, hash])
            .first();
          if (other) {
            return {
              ok: false,
              message: `Berkas "${file.name}" sama isinya dengan dokumen "${other.title.trim() || other.fileName}" yang sudah ada di pustaka, jadi tidak dipakai sebagai pengganti. Tautkan dokumen itu ke indikatornya, atau pilih berkas lain.`,
            };
          }
          const at = Date.now();
          const type = mimeOf(file.name, file.type);
          await blobStore.put({ hash, data: new Blob([file], { type }), type, createdAt: at });
          const fileName = shortenFileName(file.name.trim() || 'berkas');
          const shortened = fileName !== file.name.trim();
          const evidence: Evidence = {
            ...current,
            hash,
            fileName,
            mimeType: type,
            size: file.size,
          };
          const links = await db.links.where('evidenceId').equals(evidenceId).toArray();
          const indicators = [...new Set(links.map((l) => l.indicator))].sort((a, b) => a - b);
          await db.evidence.put(evidence);
          await blobStore.collectGarbage([current.hash]);
          // The old version travels as a deletion (see above).
          await recordDeletion(current, links, actor, at);
          const kept =
            indicators.length > 0
              ? `tautan ke indikator ${indicators.join(', ')} tetap`
              : 'belum ditautkan ke indikator';
          await appendAudit(
            current.evaluationId,
            actor,
            [
              {
                entity: 'evidence',
                action: 'update',
                field: 'file',
                oldValue: current.fileName,
                newValue: fileName,
                note: `Berkas dokumen "${label}" diganti; judul, keterangan dan ${kept}.${shortened ? ` ${originalNameNote(file.name)}` : ''}`.slice(
                  0,
                  LIMITS.auditNote,
                ),
              },
            ],
            at,
          );
          await db.evaluations.update(current.evaluationId, { updatedAt: at });
          return shortened
            ? {
                ok: true,
                evidence,
                previous: current,
                indicators,
                notice: shortenedNameNotice(file.name, fileName),
              }
            : { ok: true, evidence, previous: current, indicators };
        },
      ),
    );
  } catch (e) {
    // guardWrite's words: "Ruang penyimpanan penuh: Berkas pengganti "…" tidak disimpan. Data
    // yang sudah ada tidak berubah. …"
    const message = e instanceof Error ? e.message : String(e);
    return e instanceof StorageError && e.kind === 'quota'
      ? { ok: false, message, full: true }
      : { ok: false, message };
  }
}

/** The bytes of a document, or null when they are missing (e.g. imported without evidence). */
export function evidenceBlob(hash: EvidenceHash): Promise<Blob | null> {
  return blobStore.data(hash);
}
