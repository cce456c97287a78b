/**
 * Every IPC channel goes through the same gate: a sender that is not the app's own top frame is
 * refused, a payload that does not match the contract is refused, and in both cases the handler
 * never runs (the context below throws if anything touches it).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, MAX_CHUNK_BYTES, type Channel } from '../../../shared/ipc/contract';
import {
  INTERNAL_ERROR,
  INVALID_PAYLOAD,
  REJECTED_SENDER,
  UserFacingError,
  wrapHandler,
} from '../../../electron/main/ipc/handle';
import { registerIpc } from '../../../electron/main/ipc';
import type { MainContext } from '../../../electron/main/context';
import { fakeEvent, invoke, ipcMain } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const UUID = '0b7e4a1c-2f3d-4c5e-8a9b-1c2d3e4f5a6b';
const APP_PAGE = 'app://spbe/index.html#/laporan';

/** A context whose every part fails loudly if a handler ever gets to use it. */
const poisoned = (name: string): unknown =>
  new Proxy(() => undefined, {
    get(_target, prop) {
      throw new Error(`handler ran and touched ctx.${name}.${String(prop)}`);
    },
    apply() {
      throw new Error(`handler ran and called ctx.${name}()`);
    },
  });
const untouchable = new Proxy({} as MainContext, {
  get(_target, prop) {
    return prop === 'log' ? () => undefined : poisoned(String(prop));
  },
});

/** A well-formed payload per channel (so the sender test fails on the sender, not the data). */
const valid: Record<Channel, unknown> = {
  'app:info': undefined,
  'dialog:open': { kind: 'bundle', multiple: false, title: 'Pilih berkas' },
  'dialog:save': { kind: 'pdf', suggestedName: 'laporan.pdf', title: 'Simpan laporan' },
  'file:read-open': { token: UUID },
  'file:read': { handle: UUID, offset: 0, length: 1024 },
  'file:read-close': { handle: UUID },
  'file:write-open': { token: UUID },
  'file:write': { handle: UUID, offset: 0, data: new Uint8Array([1, 2, 3]) },
  'file:write-commit': { handle: UUID },
  'file:write-abort': { handle: UUID },
  'file:take-opened': undefined,
  'document:create': { name: 'bukti.pdf' },
  'document:open': { handle: UUID },
  'shell:open-external': { url: 'https://spbe.go.id/' },
  'report:print-pdf': { route: '/laporan/1', suggestedName: 'laporan.pdf', title: 'Laporan' },
  'backup:location': undefined,
  'backup:configure': { keep: 5 },
  'backup:list': undefined,
  'backup:read-open': { name: 'cadangan-2026-11-22-093015-harian.spbe' },
  'backup:write-open': { name: 'cadangan-2026-11-22-093015-harian.spbe' },
  'backup:remove': { name: 'cadangan-2026-11-22-093015-harian.spbe' },
  'team-folder:choose': undefined,
  'team-folder:remembered': undefined,
  'team-folder:forget': undefined,
  'team-folder:list': undefined,
  'team-folder:stat': { path: 'Pemerintah Kota Balikpapan 2025 a1b2c3/Ani Rahmawati.spbe' },
  'team-folder:read-open': { path: 'Pemerintah Kota Balikpapan 2025 a1b2c3/Ani Rahmawati.spbe' },
  'team-folder:write-open': { path: 'Pemerintah Kota Balikpapan 2025 a1b2c3/Ani Rahmawati.spbe' },
  'team-folder:watch': undefined,
  'team-folder:unwatch': undefined,
};

/** Team paths the contract refuses before main's own check (team-folder.test.ts has more). */
const badTeamPaths = [
  {},
  { path: '' },
  { path: 42 },
  { path: '/etc/passwd.spbe' },
  { path: 'C:\\Users\\x.spbe' },
  { path: 'a\\b.spbe' },
  { path: 'a/b/c.spbe' },
  { path: 'a/b.exe' },
  { path: 'a/' },
  { path: `${'x'.repeat(151)}.spbe` },
  { path: 'a/b.spbe', extra: true },
];

/** Payloads each channel must refuse: wrong shapes, hostile values, oversized data. */
const malformed: Record<Channel, unknown[]> = {
  'app:info': [42, { extra: true }, 'x'],
  'dialog:open': [
    undefined,
    {},
    { kind: 'exe', multiple: false, title: 'x' },
    { kind: 'bundle', multiple: 'ya', title: 'x' },
    { kind: 'bundle', multiple: false, title: '' },
    { kind: 'bundle', multiple: false, title: 'x', defaultPath: '/etc' },
  ],
  'dialog:save': [
    {},
    { kind: 'pdf', suggestedName: '', title: 'x' },
    { kind: 'pdf', suggestedName: 'a'.repeat(300), title: 'x' },
    { kind: 'pdf', suggestedName: 'x.pdf', title: 'x', path: '/etc/passwd' },
  ],
  'file:read-open': [{}, { token: '../../etc/passwd' }, { token: 42 }, { path: '/etc/passwd' }],
  'file:read': [
    { handle: UUID, offset: -1, length: 10 },
    { handle: UUID, offset: 0, length: 0 },
    { handle: UUID, offset: 0, length: MAX_CHUNK_BYTES + 1 },
    { handle: UUID, offset: 1.5, length: 10 },
    { handle: 'nope', offset: 0, length: 10 },
  ],
  'file:read-close': [{}, { handle: 7 }],
  'file:write-open': [{}, { token: 'abc' }],
  'file:write': [
    { handle: UUID, offset: 0, data: 'teks' },
    { handle: UUID, offset: 0, data: [1, 2, 3] },
    { handle: UUID, offset: 0, data: new Uint8Array(0) },
    { handle: UUID, offset: 0, data: new Uint8Array(MAX_CHUNK_BYTES + 1) },
    { handle: UUID, offset: -5, data: new Uint8Array(1) },
  ],
  'file:write-commit': [{}, { handle: '' }],
  'file:write-abort': [{}, { handle: null }],
  'file:take-opened': [1, { all: true }],
  'document:create': [{}, { name: '' }, { name: 'x'.repeat(256) }],
  'document:open': [{}, { handle: 'x' }],
  'shell:open-external': [{}, { url: '' }, { url: 'https://x/'.padEnd(5000, 'a') }, { url: 1 }],
  'report:print-pdf': [
    {},
    { route: 'https://evil.example/', suggestedName: 'a.pdf', title: 'x' },
    { route: '/laporan#x', suggestedName: 'a.pdf', title: 'x' },
    { route: '/laporan"><script>', suggestedName: 'a.pdf', title: 'x' },
    { route: 'laporan', suggestedName: 'a.pdf', title: 'x' },
  ],
  'backup:location': [{}],
  'backup:configure': [{}, { keep: 0 }, { keep: 2.5 }, { keep: 100000 }],
  'backup:list': ['semua'],
  'backup:read-open': [
    { name: '../rahasia.spbe' },
    { name: '..\\rahasia.spbe' },
    { name: '/etc/passwd' },
    { name: 'C:\\Windows\\x.spbe' },
    { name: 'cadangan.exe' },
    { name: '.tersembunyi.spbe' },
    { name: 'a\u0000.spbe' },
  ],
  'backup:write-open': [{ name: '../../evil.spbe' }, { name: 'x.spbe/..' }, {}],
  'backup:remove': [{ name: '../x.spbe' }, { name: '*.spbe' }],
  'team-folder:choose': [{ path: '/etc' }, 'x'],
  'team-folder:remembered': [{}],
  'team-folder:forget': [true],
  'team-folder:list': [{ path: '..' }],
  'team-folder:stat': badTeamPaths,
  'team-folder:read-open': badTeamPaths,
  'team-folder:write-open': badTeamPaths,
  'team-folder:watch': [{ on: true }],
  'team-folder:unwatch': [1],
};

describe('the IPC gate', () => {
  beforeAll(() => {
    ipcMain.handlers.clear();
    registerIpc(ipcMain, untouchable);
  });

  it('registers a handler for every channel of the contract, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  const foreignSenders: [
    string,
    ReturnType<typeof fakeEvent> | { sender: unknown; senderFrame: null },
  ][] = [
    ['a web page', fakeEvent('https://evil.example/')],
    ['a file:// page', fakeEvent('file:///home/user/index.html')],
    ['another app:// host', fakeEvent('app://evil/index.html')],
    ['a look-alike host', fakeEvent('app://spbe.evil/index.html')],
    ['a subframe of the app', fakeEvent(APP_PAGE, undefined, { url: APP_PAGE })],
    ['a blob: frame', fakeEvent('blob:app://spbe/1234')],
    ['a destroyed frame', { sender: {}, senderFrame: null }],
  ];

  for (const channel of Object.keys(channels) as Channel[]) {
    describe(channel, () => {
      it.each(foreignSenders)('refuses %s', async (_name, event) => {
        await expect(invoke(channel, event, valid[channel])).resolves.toEqual({
          ok: false,
          error: REJECTED_SENDER,
        });
      });

      it('lets a well-formed payload from the app through to the handler', async () => {
        const reply = (await invoke(channel, fakeEvent(APP_PAGE), valid[channel])) as {
          ok: boolean;
          error?: unknown;
        };
        expect(reply.error).not.toEqual(REJECTED_SENDER);
        expect(reply.error).not.toEqual(INVALID_PAYLOAD);
      });

      it.each(malformed[channel].map((p) => [p]))(
        'refuses the malformed payload %#',
        async (payload) => {
          await expect(invoke(channel, fakeEvent(APP_PAGE), payload)).resolves.toEqual({
            ok: false,
            error: INVALID_PAYLOAD,
          });
        },
      );
    });
  }
});

describe('wrapHandler', () => {
  it('passes the parsed payload and returns a Result', async () => {
    const handler = vi.fn(() => ({
      token: UUID,
      name: 'a.pdf',
      path: '/tmp/a.pdf',
    }));
    const wrapped = wrapHandler('dialog:save', handler, () => undefined);
    const payload = valid['dialog:save'];
    await expect(wrapped(fakeEvent(APP_PAGE) as never, payload)).resolves.toEqual({
      ok: true,
      value: { token: UUID, name: 'a.pdf', path: '/tmp/a.pdf' },
    });
    expect(handler).toHaveBeenCalledWith(payload, expect.anything());
  });

  it('turns a UserFacingError into its coded error and anything else into `internal`', async () => {
    const log = vi.fn();
    const userFacing = wrapHandler(
      'backup:list',
      () => {
        throw new UserFacingError({ code: 'diskFull', action: 'menyimpan' });
      },
      log,
    );
    await expect(userFacing(fakeEvent(APP_PAGE) as never, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'diskFull', action: 'menyimpan' },
    });
    const refused = wrapHandler(
      'backup:list',
      () => {
        throw new UserFacingError('Nama berkas cadangan tidak sah.');
      },
      log,
    );
    await expect(refused(fakeEvent(APP_PAGE) as never, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'invalid', detail: 'Nama berkas cadangan tidak sah.' },
    });
    const crash = wrapHandler(
      'backup:list',
      () => {
        throw new TypeError('x is undefined');
      },
      log,
    );
    await expect(crash(fakeEvent(APP_PAGE) as never, undefined)).resolves.toEqual({
      ok: false,
      error: INTERNAL_ERROR,
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('x is undefined'));
  });
});
