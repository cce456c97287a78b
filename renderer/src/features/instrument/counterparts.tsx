/**
 * "Padanan dengan instrumen lain": the indicators of another instrument that a pack's crosswalk
 * pairs with this one, both ways (a Pemdi indicator lists its 59/2020 sources, a 59/2020
 * indicator the Pemdi indicators it leads to), each a link to that indicator, with the pack's
 * own word on what the crosswalk is (a suggestion, not the regulation's).
 */
import { Link } from 'react-router';
import { findIndicator, findPack, type InstrumentPack } from '../../../../shared/instrument';
import { routes } from '../../app/routes';
import { PackNotes } from './pack-notes';
import { allPacks } from './use-pack';

interface Counterpart {
  /** The pack whose crosswalk states the pairing (its note says what the crosswalk is). */
  owner: InstrumentPack;
  other: InstrumentPack;
  numbers: number[];
}

function counterpartsOf(pack: InstrumentPack, number: number): Counterpart[] {
  const out: Counterpart[] = [];
  // This pack's crosswalk: which indicators of an earlier instrument lead here.
  const from = new Map<string, Set<number>>();
  for (const c of pack.crosswalk) {
    if (c.to.includes(number))
      from.set(c.fromPack, (from.get(c.fromPack) ?? new Set()).add(c.from));
  }
  for (const [id, numbers] of from) {
    const other = findPack(id);
    if (other) out.push({ owner: pack, other, numbers: [...numbers].sort((a, b) => a - b) });
  }
  // Other packs' crosswalks from this pack: where this indicator leads.
  for (const other of allPacks()) {
    if (other === pack) continue;
    const numbers = new Set<number>();
    for (const c of other.crosswalk) {
      if (c.fromPack === pack.id && c.from === number) for (const n of c.to) numbers.add(n);
    }
    if (numbers.size > 0) {
      out.push({ owner: other, other, numbers: [...numbers].sort((a, b) => a - b) });
    }
  }
  return out;
}

export function Counterparts({ pack, number }: { pack: InstrumentPack; number: number }) {
  const found = counterpartsOf(pack, number);
  if (found.length === 0) return null;
  const owners = [...new Set(found.map((f) => f.owner))];
  return (
    <div className="card">
      <h2>Padanan dengan instrumen lain</h2>
      {found.map(({ other, numbers }) => (
        <div key={`${other.id}@${other.version}`}>
          <h3>
            {other.shortTitle} (versi {other.version})
          </h3>
          <ul aria-label={`Padanan dalam ${other.shortTitle}`}>
            {numbers.map((n) => (
              <li key={n}>
                <Link
                  to={routes.instrumentIndicator({
                    packId: other.id,
                    version: other.version,
                    number: n,
                  })}
                >
                  Indikator {n}.{' '}
                  {findIndicator(other, n)?.indicator.name ?? 'tidak ada dalam paket'}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {owners.map((owner) => (
        <PackNotes
          key={`${owner.id}@${owner.version}`}
          notes={owner.notes.filter((n) => n.topic === 'crosswalk')}
          label={`Catatan padanan ${owner.shortTitle}`}
        />
      ))}
    </div>
  );
}
