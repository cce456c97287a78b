/**
 * app://spbe/ serves the renderer build and nothing else: every way of escaping the folder is
 * refused, and every response carries the strict Content-Security-Policy header.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_URL,
  CONTENT_SECURITY_POLICY,
  registerAppScheme,
  resolveAppPath,
  serveAppRequest,
} from '../../../electron/main/protocol';
import { repoRoot } from '../helpers';
import { protocol } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const root = path.resolve('/srv/spbe/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://spbe/', 'index.html'],
    ['app://spbe/index.html', 'index.html'],
    ['app://spbe/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://spbe/index.html#/laporan/1', 'index.html'],
    ['app://spbe/index.html?x=1', 'index.html'],
    ['app://spbe/Daftar%20Isi.json', 'Daftar Isi.json'],
    ['app://spbe//assets/a.js', 'assets/a.js'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, file));
  });

  it.each([
    'app://spbe/../secret.txt',
    'app://spbe/assets/../../secret.txt',
    'app://spbe/%2e%2e/secret.txt',
    'app://spbe/assets/%2E%2E/%2e%2e/%2e%2e/secret.txt',
  ])('keeps %s inside the folder (the URL parser resolves the dots at the root)', (url) => {
    const resolved = resolveAppPath(root, url);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolved).not.toContain('..');
  });

  it.each([
    'app://spbe/%2e%2e%2fsecret.txt',
    'app://spbe/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://spbe/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://spbe/..%2f..%2fetc%2fpasswd',
    'app://spbe/%5c..%5csecret.txt',
    'app://spbe/..%5c..%5cwindows%5cwin.ini',
    'app://spbe/assets%5c..%5c..%5csecret.txt',
    'app://spbe/%2fetc%2fpasswd',
    'app://spbe/C:/Windows/win.ini',
    'app://spbe/c:%5cWindows%5cwin.ini',
    'app://spbe/C%3A%5CWindows%5Cwin.ini',
    'app://spbe/index.html%00.png',
    'app://spbe/%00',
    'app://spbe/%E0%A4%A', // malformed escape
    'app://other/index.html',
    'app://spbe.evil/index.html',
    'file:///etc/passwd',
    'https://spbe/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'spbe-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'a.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'rahasia.txt'), 'rahasia');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const serve = (url: string, method = 'GET') =>
    serveAppRequest(path.join(dir, 'renderer'), { url, method });

  it('serves the page with its type and the CSP header', async () => {
    const response = await serve(APP_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>x</title>');
    const script = await serve('app://spbe/assets/a.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 (with the CSP) for a missing file or an escape, never the file outside', async () => {
    for (const url of [
      'app://spbe/tidak-ada.js',
      'app://spbe/%2e%2e%2frahasia.txt',
      'app://spbe/assets',
    ]) {
      const response = await serve(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('rahasia');
    }
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    expect((await serve(APP_URL, 'POST')).status).toBe(405);
    const head = await serve(APP_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the policy', () => {
  it('is the meta policy of renderer/index.html plus frame-ancestors', () => {
    const html = readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(CONTENT_SECURITY_POLICY).toBe(`${meta}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
  });

  it('registers app:// as a standard, secure scheme, without bypassing CSP', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      },
    ]);
    expect(schemes[0]!.privileges.bypassCSP).toBeFalsy();
  });
});
