/**
 * What a failed IPC call carries: an `IpcError`, a code the renderer can branch on (a full disk
 * is not a denied permission), never a sentence. The renderer words it in Indonesian with
 * ipcErrorMessage (error-messages.ts). `detail` is main's own wording for what only main knows
 * (which backup is missing, why a team-folder path is refused); when present it is shown instead
 * of the code's general message.
 */
import { z } from 'zod';

/** What the user was doing when a file operation failed (Indonesian, used inside messages). */
export const FILE_ACTIONS = ['membaca', 'menyimpan', 'menghapus', 'membuka'] as const;
export type FileAction = (typeof FILE_ACTIONS)[number];

/** Failures of the file system, mapped from Node's errno codes in main (electron/main/errors.ts). */
export const FILE_ERROR_CODES = [
  'diskFull',
  'permissionDenied',
  'busy',
  'notFound',
  'isDirectory',
  'nameTooLong',
  'tooLarge',
  'tooManyOpen',
  'fileFailed',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** Failures of the bridge itself and of main's bookkeeping; nothing to add but the code. */
export const BRIDGE_ERROR_CODES = [
  /** The sender is not the app's own top frame. */
  'rejectedSender',
  /** The payload did not match the channel's schema, or named the wrong kind of handle. */
  'invalidPayload',
  /** An unexpected failure in main (logged there). */
  'internal',
  /** A token for a picked file is no longer valid (used, or from before a reload). */
  'staleGrant',
  /** A read or write handle is closed or unknown. */
  'staleHandle',
  /** The window holds MAX_OPEN_HANDLES handles already. */
  'tooManyHandles',
  /** No application on the computer opens this kind of document. */
  'noViewer',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export type IpcError =
  | { code: FileErrorCode; action: FileAction; detail?: string }
  | { code: BridgeErrorCode }
  /** A refusal only main can word (a path outside the team folder, a report not ready). */
  | { code: 'invalid'; detail: string };

export type IpcErrorCode = IpcError['code'];

const detail = z.string().min(1).max(2000);

export const ipcErrorSchema = z.discriminatedUnion('code', [
  z.strictObject({
    code: z.enum(FILE_ERROR_CODES),
    action: z.enum(FILE_ACTIONS),
    detail: detail.optional(),
  }),
  z.strictObject({ code: z.enum(BRIDGE_ERROR_CODES) }),
  z.strictObject({ code: z.literal('invalid'), detail }),
]);

/** A reply of main: the value, or a coded error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };
