/**
 * Tombstones: the record that a document, a link or a team member was deleted, by whom and when,
 * with the row as it was at that moment. They travel in bundles (manifest field `tombstones`, see
 * shared/bundle/manifest.ts) so a merge or an import can apply a deletion instead of bringing the
 * item back from a teammate's older copy (rules in shared/merge/tombstones.ts).
 *
 * Why a record of its own and not the audit trail: a "delete" audit event names the document by
 * file name and the member by name only (no id, no hash, no links), which cannot tell which copy
 * in another file is the deleted one nor whether that copy was edited since. The tombstone keeps
 * the deleted row itself: an identical copy elsewhere is the deleted item untouched; a different
 * one is a concurrent edit for the coordinator to decide.
 */
import { z } from 'zod';
import { timestampSchema } from '../format/timestamp';
import { evidenceLinkSchema, evidenceSchema, titleFromFileName } from './evidence';
import { LIMITS, normalizeNip } from './limits';
import { evaluationIdSchema, evidenceHashSchema, memberIdSchema } from './ids';
import { memberSchema, type Member } from './team';

export const tombstoneEntities = ['evidence', 'link', 'member'] as const;
export type TombstoneEntity = (typeof tombstoneEntities)[number];

export const tombstoneEntityLabel: Record<TombstoneEntity, string> = {
  evidence: 'Dokumen bukti dukung',
  link: 'Tautan bukti dukung',
  member: 'Anggota tim',
};

const common = {
  id: z.string().min(1).max(64),
  evaluationId: evaluationIdSchema,
  at: timestampSchema,
  by: z.strictObject({ memberId: memberIdSchema.nullable(), name: z.string().max(120) }),
};

export const tombstoneSchema = z.discriminatedUnion('entity', [
  /** A document deleted with all its links. */
  z.strictObject({
    ...common,
    entity: z.literal('evidence'),
    evidence: evidenceSchema,
    links: z.array(evidenceLinkSchema).max(1_000),
  }),
  /** One link removed (the document stays). */
  z.strictObject({
    ...common,
    entity: z.literal('link'),
    link: evidenceLinkSchema,
    hash: evidenceHashSchema,
    fileName: z.string().max(LIMITS.evidenceFileName),
  }),
  /** A member removed from the team. */
  z.strictObject({ ...common, entity: z.literal('member'), member: memberSchema }),
]);
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** A member's identity across files: the NIP, or the name when there is none. */
export const personKey = (m: Pick<Member, 'nip' | 'name'>): string => {
  const nip = normalizeNip(m.nip);
  return nip !== ''
    ? `nip:${nip}`
    : `name:${m.name.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ')}`;
};

/** A link's identity across files: its indicator and its document's SHA-256. */
export const linkKey = (indicator: number, hash: string): string => `link:${indicator}:${hash}`;
export const evidenceKey = (hash: string): string => `evidence:${hash}`;
export const memberKey = (m: Pick<Member, 'nip' | 'name'>): string => `member:${personKey(m)}`;

/** What a tombstone deleted, as an identity that holds across files. */
export function tombstoneKey(t: Tombstone): string {
  switch (t.entity) {
    case 'evidence':
      return evidenceKey(t.evidence.hash);
    case 'link':
      return linkKey(t.link.indicator, t.hash);
    case 'member':
      return memberKey(t.member);
  }
}

/** What the tombstone names, for people: "perwal.pdf", "perwal.pdf pada indikator 3", "Budi". */
export function tombstoneLabel(t: Tombstone): string {
  switch (t.entity) {
    case 'evidence': {
      // A title the app made from the file name says nothing more: "notulen-rapat.pdf", not
      // "notulen-rapat.pdf (notulen-rapat)".
      const { title, fileName } = t.evidence;
      const made = titleFromFileName(fileName).slice(0, LIMITS.evidenceTitle);
      return title.trim() !== '' && title !== fileName && title !== made
        ? `${fileName} (${title})`
        : fileName;
    }
    case 'link':
      return `${t.fileName} pada indikator ${t.link.indicator}`;
    case 'member':
      return t.member.name;
  }
}
