/**
 * Default deny for sessions and web contents: permissions, devices, network, navigation,
 * redirects, subframe navigation, webviews and new windows; web links go to the confirmation.
 */
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isAppUrl,
} from '../../../electron/main/security';
import { FakeSession, FakeWebContents } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

describe('network', () => {
  it.each([
    'app://spbe/index.html',
    'app://spbe/assets/a.js',
    'blob:app://spbe/0b7e4a1c-2f3d-4c5e-8a9b-1c2d3e4f5a6b',
    'data:image/png;base64,AAAA',
    'devtools://devtools/bundled/inspector.html',
  ])('allows %s', (url) => expect(isAllowedRequest(url)).toBe(true));

  it.each([
    'https://spbe.go.id/',
    'http://127.0.0.1:4173/',
    'ws://localhost/',
    'wss://example.com/',
    'ftp://example.com/x',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://spbe.evil/x.js',
    'blob:https://evil.example/1',
    'chrome://settings',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('blocks %s, logs it and cancels the request', (url) => {
    const session = new FakeSession();
    const log = vi.fn();
    hardenSession(session as unknown as Electron.Session, log);
    const callback = vi.fn();
    session.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(log).toHaveBeenCalledWith(`Permintaan jaringan diblokir: ${url}`);
  });

  it('lets the app page load through the same handler', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Electron.Session, vi.fn());
    const callback = vi.fn();
    session.beforeRequest!({ url: 'app://spbe/index.html' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: false });
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
  ])('denies a request for %s and every permission check and device', (permission) => {
    const session = new FakeSession();
    hardenSession(session as unknown as Electron.Session, vi.fn());
    const callback = vi.fn();
    session.permissionRequestHandler!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!({}, permission, 'app://spbe', {})).toBe(false);
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('web contents', () => {
  let contents: FakeWebContents;
  let onExternalLink: Mock<(url: string, contents: unknown) => void>;
  let log: Mock<(message: string) => void>;
  beforeEach(() => {
    contents = new FakeWebContents();
    onExternalLink = vi.fn();
    log = vi.fn();
    hardenWebContents(contents as unknown as Electron.WebContents, { log, onExternalLink });
  });

  const navigationEvent = () => ({ preventDefault: vi.fn() });

  it('keeps navigation inside the app', () => {
    const inside = navigationEvent();
    contents.emitWith('will-navigate', inside, 'app://spbe/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    for (const url of ['file:///etc/passwd', 'app://evil/', 'javascript:alert(1)']) {
      const out = navigationEvent();
      contents.emitWith('will-navigate', out, url);
      expect(out.preventDefault).toHaveBeenCalled();
    }
    expect(onExternalLink).not.toHaveBeenCalled();
  });

  it('turns a clicked web link into a confirmation instead of a navigation', () => {
    const event = navigationEvent();
    contents.emitWith('will-navigate', event, 'https://spbe.go.id/panduan');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onExternalLink).toHaveBeenCalledWith('https://spbe.go.id/panduan', contents);
  });

  it('denies redirects out of the app', () => {
    const out = navigationEvent();
    contents.emitWith('will-redirect', out, 'https://evil.example/');
    expect(out.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent();
    contents.emitWith('will-redirect', inside, 'app://spbe/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies subframe navigation out of the app', () => {
    const out = { ...navigationEvent(), url: 'https://evil.example/', isMainFrame: false };
    contents.emitWith('will-frame-navigate', out);
    expect(out.preventDefault).toHaveBeenCalled();
    const blob = { ...navigationEvent(), url: 'blob:app://spbe/123', isMainFrame: false };
    contents.emitWith('will-frame-navigate', blob);
    expect(blob.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every webview', () => {
    const event = navigationEvent();
    contents.emitWith('will-attach-webview', event, {}, { src: 'app://spbe/index.html' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; a web link goes to the confirmation', () => {
    expect(contents.windowOpenHandler!({ url: 'app://spbe/index.html' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'https://spbe.go.id/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///C:/x.exe' })).toEqual({ action: 'deny' });
    expect(onExternalLink).toHaveBeenCalledTimes(1);
    expect(onExternalLink).toHaveBeenCalledWith('https://spbe.go.id/', contents);
  });
});

describe('isAppUrl', () => {
  it('compares scheme and host exactly', () => {
    expect(isAppUrl('app://spbe/index.html#/x')).toBe(true);
    expect(isAppUrl('app://spbe')).toBe(true);
    expect(isAppUrl('app://spbe.evil/')).toBe(false);
    expect(isAppUrl('app://spbe@evil/')).toBe(false);
    expect(isAppUrl('app://evil/?app://spbe/')).toBe(false);
    expect(isAppUrl('https://spbe/')).toBe(false);
  });
});
