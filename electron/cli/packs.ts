/** Resolving an instrument named on the command line to a built-in pack. */
import { builtInPacks, findPack } from '../../shared/instrument';
import type { InstrumentPack } from '../../shared/instrument';
import { CliError } from './io';

export function resolvePack(id: string, version?: string): InstrumentPack {
  const pack = findPack(id, version);
  if (pack) return pack;
  const known = builtInPacks()
    .map((p) => `${p.id} (versi ${p.version})`)
    .join(', ');
  if (version !== undefined && findPack(id)) {
    throw new CliError(
      `Instrumen "${id}" versi ${version} tidak dikenal; yang terpasang: ${known}`,
    );
  }
  throw new CliError(`Instrumen "${id}" tidak dikenal; yang tersedia: ${known}`);
}
