/**
 * The per-row rules that unite two copies of an evaluation's team, documents and links, used by
 * the merge (apply.ts) and by the import of a bundle over an evaluation (import-update.ts), so
 * the two never drift apart:
 *
 * - Team: one person per member id, NIP, or name when there is no NIP (`personKey`). Copies of
 *   the same person unite: their indicators are united, the higher role is kept, an empty
 *   position is filled from the other copy.
 * - Documents: one per SHA-256; the first copy's metadata is kept.
 * - Links: one per indicator and document SHA-256; their levels are united and an empty note is
 *   filled from the other copy.
 *
 * Ids: a row keeps its id unless another row already uses it (in this union, or among the ids
 * the caller says are taken, e.g. by other evaluations in the database): then it gets a new one,
 * and the caller rewrites references with the id `add` returns.
 */
import type { EvidenceLink, Evidence } from '../assessment/evidence';
import {
  newId,
  type EvaluationId,
  type EvidenceId,
  type LinkId,
  type MemberId,
} from '../assessment/ids';
import { evidenceKey, linkKey, personKey } from '../assessment/tombstone';
import type { Member, MemberRole } from '../assessment/team';

const roleRank: Record<MemberRole, number> = { coordinator: 3, lead: 2, dataEntry: 1, member: 0 };

const unitedNumbers = (a: readonly number[], b: readonly number[]): number[] =>
  [...new Set([...a, ...b])].sort((x, y) => x - y);

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/** Unites `other` into `kept` (the same person); true when `kept` changed. */
export function uniteMember(kept: Member, other: Member): boolean {
  let changed = false;
  const indicators = unitedNumbers(kept.indicators, other.indicators);
  if (!sameNumbers(indicators, kept.indicators)) {
    kept.indicators = indicators;
    changed = true;
  }
  if (roleRank[other.role] > roleRank[kept.role]) {
    kept.role = other.role;
    changed = true;
  }
  if (kept.position.trim() === '' && other.position.trim() !== '') {
    kept.position = other.position;
    changed = true;
  }
  return changed;
}

/** Unites `other` into `kept` (the same indicator and document); true when `kept` changed. */
export function uniteLink(
  kept: EvidenceLink,
  other: Pick<EvidenceLink, 'levels' | 'note'>,
): boolean {
  let changed = false;
  const levels = unitedNumbers(kept.levels, other.levels);
  if (!sameNumbers(levels, kept.levels)) {
    kept.levels = levels;
    changed = true;
  }
  if (kept.note.trim() === '' && other.note.trim() !== '') {
    kept.note = other.note;
    changed = true;
  }
  return changed;
}

/** Rows of one table united by identity keys; see the module docblock. */
class RowUnion<T extends { id: string }> {
  /** Every row of the union, held and added, in the order they came. */
  readonly rows: T[] = [];
  /** Rows added (not held), as they are to be stored. */
  readonly added: T[] = [];
  /** Copies that were united into a row already in the union. */
  united = 0;
  private readonly byKey = new Map<string, T>();
  private readonly used: Set<string>;
  private readonly held = new Set<T>();
  private readonly changedHeld = new Set<T>();

  constructor(
    taken: Iterable<string>,
    private readonly unite: (kept: T, other: T) => boolean,
  ) {
    this.used = new Set(taken);
  }

  /** Held rows (already stored) that a united copy changed: to be written again. */
  get changed(): T[] {
    return this.rows.filter((r) => this.changedHeld.has(r));
  }

  /**
   * A row already stored: kept as it is, with its id; copies added later unite into it. Rows held
   * are not united with each other (what is stored stays as it was stored).
   */
  protected holdRow(keys: readonly string[], row: T): T {
    this.used.add(row.id);
    this.held.add(row);
    this.rows.push(row);
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, row);
    return row;
  }

  /** Unites `row` with the row holding one of `keys`, or adds `make(id)` with a free id. */
  protected addRow(keys: readonly string[], row: T, make: (id: T['id']) => T): T {
    const kept = this.find(keys);
    if (kept) {
      this.uniteInto(kept, row, keys);
      return kept;
    }
    const id = this.used.has(row.id) ? newId<T['id']>() : row.id;
    this.used.add(id);
    const copy = make(id);
    this.rows.push(copy);
    this.added.push(copy);
    for (const k of keys) this.byKey.set(k, copy);
    return copy;
  }

  private find(keys: readonly string[]): T | undefined {
    for (const k of keys) {
      const found = this.byKey.get(k);
      if (found) return found;
    }
    return undefined;
  }

  private uniteInto(kept: T, row: T, keys: readonly string[]): void {
    this.united += 1;
    if (this.unite(kept, row) && this.held.has(kept)) this.changedHeld.add(kept);
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, kept);
  }
}

const memberKeys = (m: Member): string[] => [`id:${m.id}`, personKey(m)];

/** The team: one person per member id, NIP or name. */
export class MemberUnion extends RowUnion<Member> {
  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, uniteMember);
  }

  /** A stored member of the evaluation (kept as it is until a copy unites into it). */
  hold(m: Member): MemberId {
    return this.holdRow(memberKeys(m), { ...m, indicators: [...m.indicators] }).id;
  }

  /** Another copy's member; returns the id its references map to. */
  add(m: Member): MemberId {
    return this.addRow(memberKeys(m), m, (id) => ({
      ...m,
      id,
      evaluationId: this.evaluationId,
      indicators: [...m.indicators],
    })).id;
  }
}

/** The documents: one per SHA-256. */
export class EvidenceUnion extends RowUnion<Evidence> {
  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, () => false);
  }

  hold(e: Evidence): EvidenceId {
    return this.holdRow([evidenceKey(e.hash)], { ...e }).id;
  }

  /** Another copy's document (`addedBy` already mapped); returns the id links map to. */
  add(e: Evidence, addedBy: MemberId | null): EvidenceId {
    return this.addRow([evidenceKey(e.hash)], e, (id) => ({
      ...e,
      id,
      evaluationId: this.evaluationId,
      addedBy,
    })).id;
  }
}

/** The links: one per indicator and document SHA-256. */
export class LinkUnion extends RowUnion<EvidenceLink> {
  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, uniteLink);
  }

  /** A stored link whose document has SHA-256 `hash`. */
  hold(l: EvidenceLink, hash: string): LinkId {
    return this.holdRow([linkKey(l.indicator, hash)], { ...l, levels: [...l.levels] }).id;
  }

  /**
   * Another copy's link to the document with SHA-256 `hash`, stored here as `evidenceId`
   * (`addedBy` already mapped).
   */
  add(l: EvidenceLink, hash: string, evidenceId: EvidenceId, addedBy: MemberId | null): LinkId {
    return this.addRow([linkKey(l.indicator, hash)], l, (id) => ({
      ...l,
      id,
      evaluationId: this.evaluationId,
      evidenceId,
      levels: [...l.levels],
      addedBy,
    })).id;
  }
}
