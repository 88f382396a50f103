import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { hardenSession } = await import('../../../src/main/security');
const { contentSecurityPolicy } = await import('../../../src/shared/csp');

const csp = contentSecurityPolicy('production');

type HeadersListener = (
  details: { resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** Runs a response through the session's header hook and returns the headers it sends on. */
function receive(resourceType: string, responseHeaders: Record<string, string[]>) {
  const session = fakeElectron.session.defaultSession;
  hardenSession(session as unknown as Session, csp);
  const listener = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as HeadersListener;
  const callback = vi.fn();
  listener({ resourceType, responseHeaders }, callback);
  return callback.mock.calls[0]?.[0]?.responseHeaders as Record<string, string[]>;
}

describe('session hardening', () => {
  beforeEach(resetFakeElectron);

  it("turns Chromium's spellchecker off: it would download dictionaries from Google on Windows and Linux", () => {
    const session = fakeElectron.session.defaultSession;
    hardenSession(session as unknown as Session, csp);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.setSpellCheckerEnabled).not.toHaveBeenCalledWith(true);
  });

  it('adds the CSP header to documents', () => {
    const headers = receive('mainFrame', { 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([csp]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('replaces a CSP the server sent, whatever its case, so only ours applies', () => {
    const headers = receive('subFrame', { 'content-security-policy': ["default-src *"] });
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual([
      'Content-Security-Policy',
    ]);
    expect(headers['Content-Security-Policy']).toEqual([csp]);
  });

  it('leaves non-document responses alone', () => {
    const headers = receive('xhr', { 'Content-Type': ['application/json'] });
    expect(headers).toEqual({ 'Content-Type': ['application/json'] });
  });

  it('allows fullscreen for the app\'s own pages only (slideshow, <video>), and refuses every other permission', () => {
    const session = fakeElectron.session.defaultSession;
    hardenSession(session as unknown as Session, csp);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: { getURL(): string },
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: { getURL(): string } | null,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean;
    const app = { getURL: () => 'shoebox://app/index.html' };
    const granted = (contents: { getURL(): string }, permission: string, details: { requestingUrl?: string }) => {
      const callback = vi.fn();
      request(contents, permission, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(granted(app, 'fullscreen', { requestingUrl: 'shoebox://app/index.html#/slideshow' })).toBe(true);
    expect(granted(app, 'fullscreen', {})).toBe(true); // no URL in the details: the page's
    expect(granted(app, 'fullscreen', { requestingUrl: 'https://example.com/frame' })).toBe(false);
    expect(granted({ getURL: () => 'https://example.com/' }, 'fullscreen', {})).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(granted(app, permission, { requestingUrl: 'shoebox://app/index.html' }), permission).toBe(false);
    }

    expect(check(app, 'fullscreen', 'shoebox://app', { requestingUrl: 'shoebox://app/index.html' })).toBe(true);
    expect(check(null, 'fullscreen', 'shoebox://app', {})).toBe(true);
    expect(check(app, 'fullscreen', 'https://example.com', { requestingUrl: 'https://example.com/' })).toBe(false);
    expect(check(null, 'fullscreen', 'https://example.com', {})).toBe(false);
    expect(check(app, 'media', 'shoebox://app', { requestingUrl: 'shoebox://app/index.html' })).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows no inline or remote script in production', () => {
    const script = csp.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it('relaxes inline scripts only for the dev server', () => {
    expect(contentSecurityPolicy('development')).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('keeps header-only directives out of the meta tag', () => {
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('production', 'meta')).not.toContain('frame-ancestors');
  });
});
