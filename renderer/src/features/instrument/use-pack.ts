/** Looking up a built-in pack from route parameters. */
import {
  builtInPacks,
  defaultPack,
  findPack,
  type InstrumentPack,
} from '../../../../shared/instrument';

export const allPacks = (): InstrumentPack[] => builtInPacks();

export function packFromParams(
  id: string | undefined,
  version: string | undefined,
): InstrumentPack | undefined {
  if (!id) return defaultPack();
  return findPack(id, version);
}
