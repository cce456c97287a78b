/**
 * Regional profiles as the screens see them: the built-in ones (validated once in
 * `shared/profiles`) and the user's own from `db.profiles`, live; and the profile an evaluation
 * was created from, which may be missing on this computer (an evaluation imported from a
 * neighbour whose custom profile was never shared) or no longer valid.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { findProfile, isBuiltInProfileId, type Profile } from '../../../../shared/profiles';
import { readProfileRow, type CustomProfile } from '../../db/commands/profiles';
import { db } from '../../db/db';

/** The user's profiles, by region name; undefined while loading. */
export function useCustomProfiles(): CustomProfile[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.profiles.toArray();
    return rows
      .map(readProfileRow)
      .sort((a, b) =>
        (a.ok ? a.profile.instansi.name : a.id).localeCompare(
          b.ok ? b.profile.instansi.name : b.id,
          'id',
        ),
      );
  }, []);
}

export type ProfileLookup =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'missing'; id: string }
  | { state: 'invalid'; id: string; errors: string[] }
  | { state: 'ok'; profile: Profile; builtIn: boolean };

/** A profile by id, built-in or the user's. */
export function useProfileLookup(id: string | null | undefined): ProfileLookup {
  const builtIn = id && isBuiltInProfileId(id) ? (findProfile(id) ?? null) : null;
  const custom = useLiveQuery(
    async () => {
      if (!id || isBuiltInProfileId(id)) return null;
      const row = await db.profiles.get(id);
      return row ? readProfileRow(row) : null;
    },
    [id],
    'loading' as const,
  );
  return useMemo((): ProfileLookup => {
    if (!id) return { state: 'none' };
    if (builtIn) return { state: 'ok', profile: builtIn, builtIn: true };
    if (custom === 'loading') return { state: 'loading' };
    if (custom === null) return { state: 'missing', id };
    return custom.ok
      ? { state: 'ok', profile: custom.profile, builtIn: false }
      : { state: 'invalid', id, errors: custom.errors };
  }, [id, builtIn, custom]);
}
