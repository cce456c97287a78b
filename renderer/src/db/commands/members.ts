/** The Tim Asesor Internal of an evaluation, and who is using this laptop right now. */
import {
  newId,
  type EvaluationId,
  type Member,
  type MemberEdit,
  type MemberId,
} from '../../../../shared/assessment';
import { memberRoleLabel, normalizeNip } from '../../../../shared/assessment';
import { findPack } from '../../../../shared/instrument';
import { db } from '../db';
import { guardWrite } from '../errors';
import type { Actor } from './actor';
import { appendAudit } from './audit';

export const currentMemberKey = (evaluationId: EvaluationId): string =>
  `currentMember:${evaluationId}`;

export function addMember(
  evaluationId: EvaluationId,
  edit: MemberEdit,
  actor: Actor,
): Promise<Member> {
  return guardWrite('Anggota tim', () =>
    db.transaction('rw', db.members, db.audit, db.evaluations, async () => {
      const at = Date.now();
      const instrument = (await db.evaluations.get(evaluationId))?.instrument;
      // The note names the role as the evaluation's pack does ("Koordinator Pemdi" on 8/2026).
      const pack = (instrument && findPack(instrument.id, instrument.version)) || {};
      const member: Member = {
        ...edit,
        nip: normalizeNip(edit.nip),
        id: newId<MemberId>(),
        evaluationId,
        createdAt: at,
      };
      await db.members.add(member);
      await appendAudit(
        evaluationId,
        actor,
        [
          {
            entity: 'member',
            action: 'create',
            field: 'name',
            newValue: member.name,
            note: memberRoleLabel(pack, member.role),
          },
        ],
        at,
      );
      return member;
    }),
  );
}

export function updateMember(id: MemberId, edit: MemberEdit, actor: Actor): Promise<void> {
  return guardWrite('Anggota tim', () =>
    db.transaction('rw', db.members, db.audit, async () => {
      const current = await db.members.get(id);
      if (!current) return;
      const next = { ...current, ...edit, nip: normalizeNip(edit.nip) };
      const changes = (['name', 'nip', 'position', 'role', 'indicators'] as const)
        .filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]))
        .map((k) => ({
          entity: 'member' as const,
          action: 'update' as const,
          field: k,
          oldValue: current[k],
          newValue: next[k],
          note: current.name,
        }));
      if (changes.length === 0) return;
      await db.members.put(next);
      await appendAudit(current.evaluationId, actor, changes);
    }),
  );
}

/** Removes a member; their past changes keep their name in the audit log. */
export function removeMember(id: MemberId, actor: Actor): Promise<void> {
  return guardWrite('Penghapusan anggota', () =>
    db.transaction('rw', [db.members, db.audit, db.settings, db.tombstones], async () => {
      const current = await db.members.get(id);
      if (!current) return;
      const at = Date.now();
      await db.members.delete(id);
      const key = currentMemberKey(current.evaluationId);
      if ((await db.settings.get(key))?.value === id) await db.settings.delete(key);
      // The removal travels with the next export (shared/merge/tombstones.ts).
      await db.tombstones.add({
        id: newId(),
        evaluationId: current.evaluationId,
        at,
        by: { memberId: actor.id, name: actor.name },
        entity: 'member',
        member: current,
      });
      await appendAudit(
        current.evaluationId,
        actor,
        [{ entity: 'member', action: 'delete', field: 'name', oldValue: current.name }],
        at,
      );
    }),
  );
}

/** "Who am I" on this laptop for this evaluation (no passwords: the identity stamps changes). */
export function setCurrentMember(
  evaluationId: EvaluationId,
  memberId: MemberId | null,
): Promise<void> {
  return guardWrite('Identitas pengguna', async () => {
    if (memberId) await db.settings.put({ key: currentMemberKey(evaluationId), value: memberId });
    else await db.settings.delete(currentMemberKey(evaluationId));
  });
}
