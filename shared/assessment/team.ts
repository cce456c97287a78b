/** The Tim Asesor Internal of an evaluation: members, their roles and the indicators they cover. */
import { z } from 'zod';
import { timestampSchema } from '../format/timestamp';
import { coordinatorRoleName } from '../instrument/roles';
import type { InstrumentPack } from '../instrument/schema';
import { evaluationIdSchema, memberIdSchema } from './ids';
import { isValidNip, LIMITS, NIP_MESSAGE, normalizeNip, tooLong } from './limits';

export const memberRoles = ['coordinator', 'lead', 'dataEntry', 'member'] as const;
export const memberRoleSchema = z.enum(memberRoles);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * A role as the evaluation's pack names it: the coordinator is "Koordinator SPBE" on PermenPANRB
 * 59/2020 and "Koordinator Pemdi" on 8/2026 (the stored role stays 'coordinator').
 */
export const memberRoleLabel = (pack: Pick<InstrumentPack, 'roles'>, role: MemberRole): string =>
  role === 'coordinator' ? coordinatorRoleName(pack) : otherRoleLabel[role];

const otherRoleLabel: Record<Exclude<MemberRole, 'coordinator'>, string> = {
  lead: 'Penanggung jawab',
  dataEntry: 'Pelaksana entri data',
  member: 'Anggota',
};

export const isMemberRole = (value: string): value is MemberRole =>
  (memberRoles as readonly string[]).includes(value);

/** NIP: 18 digits (Peraturan BKN); optional for non-ASN members. */
export const nipSchema = z.string().trim().refine(isValidNip, NIP_MESSAGE);

export const memberSchema = z.strictObject({
  id: memberIdSchema,
  evaluationId: evaluationIdSchema,
  name: z
    .string()
    .trim()
    .min(1, 'Nama wajib diisi')
    .max(LIMITS.memberName, tooLong('Nama', LIMITS.memberName)),
  nip: nipSchema,
  position: z.string().trim().max(LIMITS.memberPosition, tooLong('Jabatan', LIMITS.memberPosition)),
  role: memberRoleSchema,
  /** Indicator numbers this member covers; empty = none assigned. */
  indicators: z.array(z.number().int().min(1)),
  createdAt: timestampSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberEditSchema = memberSchema.pick({
  name: true,
  nip: true,
  position: true,
  role: true,
  indicators: true,
});
export type MemberEdit = z.infer<typeof memberEditSchema>;

/**
 * The other member who already holds this NIP, if any: one NIP is one civil servant, so a
 * second member with it is a typing error (an empty NIP, for non-ASN members, is never shared).
 */
export function nipHolder<M extends Pick<Member, 'id' | 'nip'>>(
  members: readonly M[],
  nip: string,
  self?: Member['id'],
): M | undefined {
  const wanted = normalizeNip(nip);
  if (wanted === '') return undefined;
  return members.find((m) => m.id !== self && normalizeNip(m.nip) === wanted);
}

/** Members who may verify answers and read the full history. */
export const canReview = (role: MemberRole): boolean => role === 'lead' || role === 'coordinator';
