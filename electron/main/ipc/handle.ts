/**
 * The wrapper every IPC handler goes through (Electron security checklist item 17): the sender
 * must be the top frame of one of the app's own pages, the payload is parsed from `unknown` with
 * the contract's schema, and the reply is a Result (errors become a coded IpcError, never a
 * thrown exception across the bridge; the renderer words them).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  channels,
  type Channel,
  type ChannelOutputs,
  type IpcError,
  type Result,
} from '../../../shared/ipc/contract';
import { UserFacingError } from '../errors';
import { isAppUrl } from '../security';

export { UserFacingError } from '../errors';

export type Handler<C extends Channel> = (
  input: z.output<(typeof channels)[C]>,
  event: IpcMainInvokeEvent,
) => Promise<ChannelOutputs[C]> | ChannelOutputs[C];

export const REJECTED_SENDER: IpcError = { code: 'rejectedSender' };
export const INVALID_PAYLOAD: IpcError = { code: 'invalidPayload' };
export const INTERNAL_ERROR: IpcError = { code: 'internal' };

/** Only the app's own page, and only its top frame (the preload is not in subframes). */
export function senderIsTrusted(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && typeof frame.url === 'string' && isAppUrl(frame.url);
}

export function wrapHandler<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  log: (message: string) => void = console.warn,
): (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<ChannelOutputs[C]>> {
  return async (event, payload) => {
    if (!senderIsTrusted(event)) {
      log(`IPC ${channel} ditolak dari ${event.senderFrame?.url ?? 'pengirim tak dikenal'}`);
      return { ok: false, error: REJECTED_SENDER };
    }
    const parsed = channels[channel].safeParse(payload);
    if (!parsed.success) {
      log(
        `IPC ${channel}: data tidak sah (${parsed.error.issues.map((i) => i.path.join('.') || '(akar)').join(', ')})`,
      );
      return { ok: false, error: INVALID_PAYLOAD };
    }
    try {
      return {
        ok: true,
        value: await handler(parsed.data as z.output<(typeof channels)[C]>, event),
      };
    } catch (e) {
      if (e instanceof UserFacingError) return { ok: false, error: e.error };
      log(`IPC ${channel} gagal: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, error: INTERNAL_ERROR };
    }
  };
}

/** The registrar each ipc/*.ts module receives: one handler per channel. */
export type Register = <C extends Channel>(channel: C, handler: Handler<C>) => void;

/** A Register that also remembers which channels it registered. */
export type TrackingRegister = Register & { readonly registered: ReadonlySet<Channel> };

export function registrar(
  ipc: Pick<IpcMain, 'handle'>,
  log?: (message: string) => void,
): TrackingRegister {
  const registered = new Set<Channel>();
  const register: Register = (channel, handler) => {
    registered.add(channel);
    ipc.handle(channel, wrapHandler(channel, handler, log));
  };
  return Object.assign(register, { registered });
}
