/** Who makes a change: stamped on answers, evidence and every audit event. */
import type { MemberId } from '../../../../shared/assessment';

export interface Actor {
  id: MemberId | null;
  /** The name as it stood when the change was made ("Tanpa identitas" when nobody is chosen). */
  name: string;
}

export const ANONYMOUS: Actor = { id: null, name: 'Tanpa identitas' };
