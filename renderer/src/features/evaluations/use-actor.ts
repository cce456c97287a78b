/** The current user as an Actor for commands (from the evaluation's "who am I" choice). */
import type { Member, MemberId } from '../../../../shared/assessment';
import { ANONYMOUS, type Actor } from '../../db/commands/actor';

export function actorOf(
  members: readonly Member[] | undefined,
  currentId: MemberId | null | undefined,
): Actor {
  const member = currentId ? members?.find((m) => m.id === currentId) : undefined;
  return member ? { id: member.id, name: member.name } : ANONYMOUS;
}
