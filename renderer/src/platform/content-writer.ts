/**
 * Runs a ContentWriter against a destination that can be committed or abandoned: the writer's
 * bytes go to `target.write`, and only when the writer finished without error (and was not
 * aborted) is the destination committed. Otherwise it is aborted, so a failed or cancelled
 * save leaves nothing behind. Used by the desktop (IPC file handles) and by the browser's File
 * System Access save.
 *
 * The writer should close the sink when done (pipeTo does) or await each write; chunks still
 * queued in a sink the writer left locked cannot be flushed.
 */
import type { ContentWriter } from './types';

export interface WriteTarget<T> {
  write(chunk: Uint8Array): Promise<void>;
  /** A Blob written as it is; when present the writer is offered the sink for Blob parts. */
  writeBlob?(blob: Blob): Promise<void>;
  commit(): Promise<T>;
  abort(): Promise<void>;
}

const abortError = (reason: unknown): unknown =>
  reason ?? new DOMException('Penyimpanan dibatalkan.', 'AbortError');

export async function runContentWriter<T>(
  content: ContentWriter,
  target: WriteTarget<T>,
  signal?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });

  let lastWrite: Promise<void> = Promise.resolve();
  let sinkAborted = false;
  let sinkAbortReason: unknown;
  const sink = new WritableStream<Uint8Array | Blob>({
    write(chunk) {
      if (controller.signal.aborted) throw abortError(controller.signal.reason);
      lastWrite =
        ArrayBuffer.isView(chunk) || !target.writeBlob
          ? target.write(chunk as Uint8Array)
          : target.writeBlob(chunk);
      return lastWrite;
    },
    abort(reason) {
      sinkAborted = true;
      sinkAbortReason = reason;
    },
  });

  try {
    if (controller.signal.aborted) throw abortError(controller.signal.reason);
    await content(
      sink as WritableStream<Uint8Array>,
      controller.signal,
      target.writeBlob ? { blobs: sink } : undefined,
    );
    // Flush what is still queued when the writer returned without closing the sink.
    if (!sink.locked) await sink.close().catch(() => undefined);
    await lastWrite;
    if (sinkAborted) throw abortError(sinkAbortReason);
    if (controller.signal.aborted) throw abortError(controller.signal.reason);
  } catch (error) {
    await target.abort().catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', forward);
  }
  return target.commit();
}
