/** Looking up a pack (built-in or loaded from a file) from route parameters. */
import {
  allPacks as registeredPacks,
  findPack,
  proposedPack,
  type InstrumentPack,
} from '../../../../shared/instrument';

/** Every pack the app knows: built-in ones first, then the ones loaded from files. */
export const allPacks = (): InstrumentPack[] => registeredPacks();

export function packFromParams(
  id: string | undefined,
  version: string | undefined,
): InstrumentPack | undefined {
  // Without a choice, the instrument of this year's evaluation (PermenPANRB 8/2026 from 2026),
  // as a new evaluation proposes it.
  if (!id) return proposedPack(new Date().getFullYear());
  return findPack(id, version);
}
