/**
 * Opening a .spbe bundle from the command line: random access through the CLI's file handle,
 * every check of the reader (readBundle), and a refusal as one Indonesian line naming the file.
 */
import { BundleError } from '../../../shared/bundle';
import { readBundle, type OpenedBundle } from '../../../shared/bundle/zip';
import { CliError, type CliFile, type CliIo } from '../io';

export interface OpenedFile {
  file: string;
  bundle: OpenedBundle;
  handle: CliFile;
}

/** ZIP local-header magic: what tells a bundle from the JSON levels form. */
export async function looksLikeBundle(io: CliIo, file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith('.spbe')) return true;
  let handle: CliFile | undefined;
  try {
    handle = await io.openFile(file);
    const head = await handle.read(0, 2);
    return head[0] === 0x50 && head[1] === 0x4b;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export async function openBundleFile(
  io: CliIo,
  file: string,
  options: { password?: string; appVersion: string },
): Promise<OpenedFile> {
  let handle: CliFile;
  try {
    handle = await io.openFile(file);
  } catch {
    throw new CliError(`Berkas "${file}" tidak dapat dibaca`);
  }
  try {
    const bundle = await readBundle(handle, {
      appVersion: options.appVersion,
      password: options.password,
      hash: io.hash,
      crc32: io.crc32,
    });
    return { file, bundle, handle };
  } catch (e) {
    await handle.close().catch(() => undefined);
    if (e instanceof BundleError) {
      const hint = e.code === 'passwordRequired' ? ' Berikan kata sandi dengan --password.' : '';
      throw new CliError(`Berkas "${file}" tidak sah: ${e.message}${hint}`);
    }
    throw e;
  }
}

/** SHA-256 of a whole file, streamed (for the merge record). */
export async function fileSha256(io: CliIo, file: string): Promise<string | null> {
  if (!io.hash) return null;
  const h = io.hash();
  const reader = io.readStream(file).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    h.update(value);
  }
  return h.digestHex();
}
