/** Looking up a pack (built-in or loaded from a file) from route parameters. */
import {
  allPacks as registeredPacks,
  defaultPack,
  findPack,
  type InstrumentPack,
} from '../../../../shared/instrument';

/** Every pack the app knows: built-in ones first, then the ones loaded from files. */
export const allPacks = (): InstrumentPack[] => registeredPacks();

export function packFromParams(
  id: string | undefined,
  version: string | undefined,
): InstrumentPack | undefined {
  if (!id) return defaultPack();
  return findPack(id, version);
}
