/**
 * Temporary copies of evidence opened with the system application. The evidence lives in the
 * app's database; to open it in Word or a PDF reader it is written to a private temporary
 * folder (one subfolder per document, so the original name is kept) and removed when the app
 * exits. Only document types that open in a viewer are allowed: a name ending in .exe, .bat,
 * .js, .lnk ... would make "open" mean "run" (Electron security checklist, item 15 applies to
 * openPath as much as to openExternal). On Windows the copy is marked as coming from another
 * computer (Mark of the Web), so Office opens it in Protected View.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionOf, fileKinds } from '../../shared/ipc/file-kinds';
import { UserFacingError } from './errors';
import { AtomicWriter } from './files/atomic-writer';
import { safeFileName } from './files/safe-name';

export const TEMP_DOCUMENTS_PREFIX = 'evaluasi-spbe-dokumen-';

/** Extensions that may be opened with the system application: the evidence kinds. */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set(fileKinds.evidence.extensions);

export function assertOpenable(name: string): void {
  if (!OPENABLE_EXTENSIONS.has(extensionOf(name))) {
    throw new UserFacingError(
      'Jenis berkas ini tidak dibuka langsung demi keamanan. Simpan berkasnya lalu periksa sebelum membukanya.',
    );
  }
}

export class TempDocuments {
  private dir: string | undefined;

  constructor(
    private readonly root: string = os.tmpdir(),
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Starts writing a copy of a document named `name`. */
  async create(name: string): Promise<AtomicWriter> {
    const clean = safeFileName(name, 'dokumen');
    assertOpenable(clean);
    if (!this.dir) {
      await mkdir(this.root, { recursive: true });
      this.dir = await mkdtemp(path.join(this.root, TEMP_DOCUMENTS_PREFIX));
    }
    const folder = await mkdtemp(path.join(this.dir, 'd-'));
    return AtomicWriter.create(path.join(folder, clean));
  }

  /** Marks a finished copy as downloaded (Windows: Zone.Identifier stream, zone 3 = Internet). */
  async markDownloaded(file: string): Promise<void> {
    if (this.platform !== 'win32') return;
    await writeFile(`${file}:Zone.Identifier`, '[ZoneTransfer]\r\nZoneId=3\r\n').catch(
      () => undefined,
    );
  }

  /** Removes this run's copies (at exit). Files a viewer still holds open may stay behind. */
  cleanup(): void {
    if (!this.dir) return;
    try {
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // A viewer still holds a file (Windows); removeLeftovers() deletes it on a later start.
    }
    this.dir = undefined;
  }

  /** Removes copies earlier runs could not delete (viewer still open, crash). */
  async removeLeftovers(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    await Promise.allSettled(
      names
        .filter((n) => n.startsWith(TEMP_DOCUMENTS_PREFIX))
        .map((n) => path.join(this.root, n))
        .filter((p) => p !== this.dir)
        .map((p) => rm(p, { recursive: true, force: true })),
    );
  }
}
