/**
 * The IPC contract's types refuse mismatches: `window.api` is derived from the one table
 * (shared/ipc/channels.ts), so a method given another channel's function, a payload of the wrong
 * shape or a reply read as the wrong type fails to compile. The `@ts-expect-error` lines are the
 * test (checked by `tsc -p test/tsconfig.json`); the runtime assertions keep the file honest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  API_TABLE,
  channels,
  type Channel,
  type ChannelOutputs,
  type DesktopApi,
  type Invoke,
  type IpcError,
  type Result,
} from '../../../shared/ipc/contract';
import { ipcErrorSchema } from '../../../shared/ipc/errors';

/** A channel's api function, as the preload's walk produces it (type only). */
declare const invokeOf: <C extends Channel>(channel: C) => Invoke<C>;
declare const api: DesktopApi;

// Never called: its body is checked by the compiler only.
async function mismatches(): Promise<void> {
  const read: DesktopApi['files']['read'] = invokeOf('file:read');
  // @ts-expect-error file:write's function (handle, offset, data) does not fit files.read
  const swapped: DesktopApi['files']['read'] = invokeOf('file:write');
  // @ts-expect-error backup:list takes no payload, backups.remove needs a name
  const noPayload: DesktopApi['backups']['remove'] = invokeOf('backup:list');

  // @ts-expect-error file:read wants a handle, offset and length, not a token
  await api.files.read({ token: '0' });
  // @ts-expect-error app:info takes no payload
  await api.appInfo({});

  const reply = await api.files.read({ handle: '0', offset: 0, length: 1 });
  if (reply.ok) {
    // @ts-expect-error the value of file:read is bytes
    const text: string = reply.value;
    void text;
  } else {
    // @ts-expect-error an error is a coded IpcError, not a sentence
    const message: string = reply.error;
    void message;
  }

  // @ts-expect-error a file error says what the user was doing
  const withoutAction: IpcError = { code: 'diskFull' };
  // @ts-expect-error `invalid` carries main's own sentence
  const withoutDetail: IpcError = { code: 'invalid' };
  // @ts-expect-error codes are a closed set
  const unknownCode: IpcError = { code: 'ENOSPC' };
  void [read, swapped, noPayload, withoutAction, withoutDetail, unknownCode];
}

describe('the IPC contract types', () => {
  it('derive each api function from its channel', () => {
    expectTypeOf<DesktopApi['files']['read']>().toEqualTypeOf<Invoke<'file:read'>>();
    expectTypeOf<DesktopApi['backups']['list']>().returns.resolves.toEqualTypeOf<
      Result<ChannelOutputs['backup:list']>
    >();
    expectTypeOf<DesktopApi['teamFolder']['onChanged']>().toEqualTypeOf<
      (listener: () => void) => () => void
    >();
    expect(typeof mismatches).toBe('function');
    expect(API_TABLE.files.read).toBe('file:read');
    expect(Object.keys(channels)).toContain(API_TABLE.files.read);
  });

  it('parse every error shape main sends, and nothing else', () => {
    const sent: IpcError[] = [
      { code: 'diskFull', action: 'menyimpan' },
      { code: 'notFound', action: 'membaca', detail: 'Cadangan "x.spbe" tidak ditemukan.' },
      { code: 'staleHandle' },
      { code: 'invalid', detail: 'Nama berkas cadangan tidak sah.' },
    ];
    for (const error of sent) expect(ipcErrorSchema.parse(error)).toEqual(error);
    for (const bad of [
      'Ruang penyimpanan penuh.',
      { code: 'diskFull' },
      { code: 'invalid' },
      { code: 'staleHandle', detail: 'x' },
      { code: 'ENOSPC', action: 'membaca' },
    ]) {
      expect(ipcErrorSchema.safeParse(bad).success).toBe(false);
    }
  });
});
