/** Turning a Blob or File into the platform's PickedFile. */
import type { PickedFile } from './types';

export function pickedFromBlob(blob: Blob, name: string, lastModified = Date.now()): PickedFile {
  return {
    name,
    size: blob.size,
    type: blob.type,
    lastModified,
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
    blob: async () => blob,
  };
}

export const pickedFromFile = (file: File): PickedFile =>
  pickedFromBlob(file, file.name, file.lastModified);
