/**
 * Which levels of an indicator its evidence backs. Levels are cumulative (level n requires level
 * n−1, PermenPANRB 59/2020 Bab II.C), so a claimed level needs documents for itself and for every
 * level below it. Level 1 (a draft or nothing yet) is the floor and needs no document.
 */
import type { Indicator } from '../instrument/schema';
import type { EvidenceLink } from './evidence';

export interface LevelSupport {
  level: number;
  /**
   * The evidence expected for this level: the technical guideline's list (59/2020), or else the
   * level's butir as the portal lists them ("01 — Dokumen …", PermenPANRB 8/2026).
   */
  guidance: string[];
  /** Documents linked to this level. */
  evidenceIds: string[];
  /** True when the level is at or below the claimed one. */
  claimed: boolean;
}

export interface SupportCheck {
  levels: LevelSupport[];
  /** Claimed levels (2..claimed) with no document, lowest first. */
  unsupported: number[];
}

export function evidenceSupport(
  indicator: Indicator,
  claimedLevel: number | null,
  links: readonly EvidenceLink[],
): SupportCheck {
  const levels = indicator.levels.map((l) => ({
    level: l.level,
    guidance: l.evidence.length > 0 ? l.evidence : l.butir.map((b) => `${b.code} — ${b.text}`),
    evidenceIds: [
      ...new Set(
        links
          .filter((k) => k.indicator === indicator.number && k.levels.includes(l.level))
          .map((k) => k.evidenceId),
      ),
    ],
    claimed: claimedLevel !== null && l.level <= claimedLevel,
  }));
  const unsupported = levels
    .filter((l) => l.claimed && l.level >= 2 && l.evidenceIds.length === 0)
    .map((l) => l.level);
  return { levels, unsupported };
}
