/**
 * A team folder in memory for the DOM tests of the team folder: listed, read, written (through
 * the content writer, as the platforms do) and watched like a real one; `state.reachable = false`
 * makes it behave like an unplugged share, `put` is a teammate's file arriving.
 */
import { runContentWriter } from '../../../renderer/src/platform/content-writer';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import type {
  TeamFolder,
  TeamFolderAccess,
  TeamFolderEntry,
} from '../../../renderer/src/platform/types';

/** A team folder in memory; `reachable = false` makes it behave like an unplugged share. */
export function memoryFolder() {
  const files = new Map<string, { blob: Blob; lastModified: number }>();
  let clock = 1_000_000;
  const state = { reachable: true };
  const watchers = new Set<() => void>();
  const gone = () => new Error('Folder tim "Tim Balikpapan" tidak dapat dijangkau.');
  const folder: TeamFolder = {
    label: 'Tim Balikpapan',
    async list() {
      if (!state.reachable) throw gone();
      return [...files].map(([path, f]): TeamFolderEntry => ({
        path,
        size: f.blob.size,
        lastModified: f.lastModified,
      }));
    },
    async read(path) {
      const f = files.get(path);
      if (!state.reachable || !f) throw gone();
      return pickedFromBlob(f.blob, path.split('/').pop()!, f.lastModified);
    },
    async write(path, content, signal) {
      if (!state.reachable) throw gone();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      await runContentWriter(
        content,
        {
          write: async (chunk) => void chunks.push(chunk.slice() as Uint8Array<ArrayBuffer>),
          commit: async () => undefined,
          abort: async () => undefined,
        },
        signal,
      );
      const blob = new Blob(chunks);
      clock += 1_000;
      files.set(path, { blob, lastModified: clock });
      return { path, size: blob.size, lastModified: clock };
    },
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
  };
  const access: TeamFolderAccess = {
    supported: true,
    choose: async () => folder,
    remembered: async () => ({ state: 'ready', folder }),
    grant: async () => folder,
    forget: async () => undefined,
  };
  return {
    access,
    files,
    state,
    put(path: string, blob: Blob) {
      clock += 1_000;
      files.set(path, { blob, lastModified: clock });
    },
    /** What the platform's watch reports when a sync client changed the folder. */
    changed() {
      for (const w of watchers) w();
    },
  };
}
