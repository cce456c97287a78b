/** The roles of an evaluation as its pack's regulation names them. */
import type { InstrumentPack } from './schema';

/**
 * The coordinator's role name (the Sekretaris Daerah): "Koordinator SPBE" on PermenPANRB 59/2020,
 * "Koordinator Pemdi" on 8/2026; the plain "Koordinator" when a pack does not name it.
 */
export const coordinatorRoleName = (pack: Pick<InstrumentPack, 'roles'>): string =>
  pack.roles?.coordinator.name ?? 'Koordinator';
