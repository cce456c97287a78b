/**
 * Profile files for sharing with neighbouring governments: export (the platform's save dialog,
 * kind "profile") and import (its file picker), with every refusal in Indonesian and nothing
 * stored until the file has passed every check.
 */
import { useState } from 'react';
import {
  checkProfileFileSize,
  profileFileName,
  relabelProblem,
  serializeProfile,
  type Profile,
} from '../../../../shared/profiles';
import { usePlatform } from '../../app/platform-context';
import { errorText, useNotify } from '../../components/notices';
import {
  InvalidProfileInputError,
  readProfileImport,
  saveCustomProfile,
  type ProfileImport,
} from '../../db/commands/profiles';

export function useExportProfile(): (profile: Profile) => Promise<void> {
  const platform = usePlatform();
  const notify = useNotify();
  return async (profile) => {
    try {
      const bytes = new TextEncoder().encode(serializeProfile(profile));
      const saved = await platform.saveFile(
        { kind: 'profile', suggestedName: profileFileName(profile), title: 'Ekspor profil daerah' },
        async (sink) => {
          const writer = sink.getWriter();
          await writer.write(bytes);
          await writer.close();
        },
      );
      if (saved) notify('ok', `Profil "${profile.id}" diekspor ke ${saved.path ?? saved.name}.`);
    } catch (e) {
      notify('danger', `Profil tidak dapat diekspor: ${errorText(e)}`);
    }
  };
}

export interface ImportState {
  /** The refusal of the last file, one message per problem. */
  errors: string[];
  /** A valid file whose id is already stored: waiting for the user to confirm replacing it. */
  pending: Extract<ProfileImport, { ok: true }> | null;
  warnings: string[];
}

export function useImportProfile() {
  const platform = usePlatform();
  const notify = useNotify();
  const [state, setState] = useState<ImportState>({ errors: [], pending: null, warnings: [] });

  const store = async (found: Extract<ProfileImport, { ok: true }>, replace: boolean) => {
    try {
      await saveCustomProfile(found.profile, replace ? 'replace' : 'create');
      setState({ errors: [], pending: null, warnings: found.warnings });
      notify('ok', `Profil daerah "${found.profile.id}" (${found.profile.instansi.name}) diimpor.`);
    } catch (e) {
      // One message per problem, each naming its field as the editor does.
      const errors =
        e instanceof InvalidProfileInputError ? e.errors.map(relabelProblem) : [errorText(e)];
      setState({ errors, pending: null, warnings: [] });
    }
  };

  const pick = async () => {
    try {
      const files = await platform.pickFiles({
        kind: 'profile',
        multiple: false,
        title: 'Impor profil daerah',
      });
      const file = files?.[0];
      if (!file) return;
      const sizeProblem = checkProfileFileSize(file.size);
      if (sizeProblem) {
        setState({ errors: [`${file.name}: ${sizeProblem}`], pending: null, warnings: [] });
        return;
      }
      const text = await (await file.blob()).text();
      const found = await readProfileImport(text);
      if (!found.ok) {
        setState({
          errors: found.errors.map((e) => `${file.name}: ${e}`),
          pending: null,
          warnings: [],
        });
        return;
      }
      if (found.exists) {
        setState({ errors: [], pending: found, warnings: [] });
        return;
      }
      await store(found, false);
    } catch (e) {
      setState({
        errors: [`Berkas profil tidak dapat dibaca: ${errorText(e)}`],
        pending: null,
        warnings: [],
      });
    }
  };

  return {
    state,
    pick,
    confirmReplace: () => (state.pending ? store(state.pending, true) : Promise.resolve()),
    cancelReplace: () => setState({ errors: [], pending: null, warnings: [] }),
  };
}
