/**
 * A file opened for streamed reading: the renderer pulls bounded chunks by offset, so a file of
 * several gigabytes never sits in memory. The size is taken when the file is opened.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { MAX_CHUNK_BYTES } from '../../../shared/ipc/contract';
import { UserFacingError } from '../errors';

export class FileReaderHandle {
  private closed = false;

  private constructor(
    readonly path: string,
    readonly size: number,
    private readonly file: FileHandle,
  ) {}

  static async open(filePath: string): Promise<FileReaderHandle> {
    const file = await open(filePath, 'r');
    try {
      const info = await file.stat();
      if (!info.isFile()) {
        throw Object.assign(new Error(`${filePath} is not a file`), { code: 'EISDIR' });
      }
      return new FileReaderHandle(filePath, info.size, file);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** Up to `length` bytes from `offset`; an empty array at the end of the file. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    if (this.closed) throw new UserFacingError('Berkas ini sudah ditutup.');
    if (offset > this.size) throw new UserFacingError('Posisi baca di luar ukuran berkas.');
    const wanted = Math.min(length, MAX_CHUNK_BYTES, this.size - offset);
    const buffer = Buffer.alloc(wanted);
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await this.file.read(buffer, done, wanted - done, offset + done);
      if (bytesRead === 0) break; // the file shrank since it was opened
      done += bytesRead;
    }
    return done === wanted ? buffer : buffer.subarray(0, done);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }
}
