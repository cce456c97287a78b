/**
 * The wrapper every IPC handler goes through: the sender frame must be the app's own page, the
 * payload is parsed from `unknown` with the contract's schema, and the reply is a Result (errors
 * become an Indonesian message, never a thrown exception across the bridge).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { channels, type Channel, type Result } from '../../../shared/ipc/contract';
import { isAppUrl } from '../security';

export type Handler<C extends Channel, T> = (
  input: z.infer<(typeof channels)[C]>,
  event: IpcMainInvokeEvent,
) => Promise<T> | T;

/** A failure whose message is meant for the user (Indonesian). */
export class UserFacingError extends Error {}

export function senderIsTrusted(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

export function wrapHandler<C extends Channel, T>(
  channel: C,
  handler: Handler<C, T>,
  log: (message: string) => void = console.warn,
): (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<T>> {
  return async (event, payload) => {
    if (!senderIsTrusted(event)) {
      log(`IPC ${channel} ditolak dari ${event.senderFrame?.url ?? 'pengirim tak dikenal'}`);
      return { ok: false, error: 'Permintaan ditolak: pengirim tidak dikenal.' };
    }
    const parsed = channels[channel].safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: 'Permintaan tidak sah: data yang dikirim tidak sesuai.' };
    }
    try {
      return {
        ok: true,
        value: await handler(parsed.data as z.infer<(typeof channels)[C]>, event),
      };
    } catch (e) {
      if (e instanceof UserFacingError) return { ok: false, error: e.message };
      log(`IPC ${channel} gagal: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, error: 'Terjadi kesalahan pada aplikasi. Silakan coba lagi.' };
    }
  };
}

export function register<C extends Channel, T>(
  ipc: IpcMain,
  channel: C,
  handler: Handler<C, T>,
): void {
  ipc.handle(channel, wrapHandler(channel, handler));
}
