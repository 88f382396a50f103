import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequest, sameToken } from '../../../src/server/auth';
import { resolveStaticFile } from '../../../src/server/static-files';
import { imageCapability } from '../../../src/shared/serve-access';

const ctx = { token: 'secret-token', port: 4000 };

function request(url: string, headers: Record<string, string> = {}, image?: { kind: 'thumb' | 'image'; id: string }) {
  const req = { headers: { host: '127.0.0.1:4000', ...headers } } as unknown as IncomingMessage;
  return checkRequest(req, new URL(url, 'http://127.0.0.1:4000'), ctx, image);
}

describe('serve access checks', () => {
  it('accepts the token as a bearer header, a query parameter or a WebSocket subprotocol', () => {
    expect(request('/', { authorization: 'Bearer secret-token' })).toEqual({ ok: true, via: 'header' });
    expect(request('/?token=secret-token')).toEqual({ ok: true, via: 'query' });
    expect(request('/ws', { 'sec-websocket-protocol': 'shoebox, shoebox.token.secret-token' })).toEqual({ ok: true, via: 'protocol' });
    expect(request('/', { host: 'localhost:4000', authorization: 'Bearer secret-token' })).toMatchObject({ ok: true });
  });

  it('never takes it from a cookie: any local server on 127.0.0.1 receives (and can plant) those', () => {
    expect(request('/', { cookie: 'shoebox_token_4000=secret-token' })).toMatchObject({ ok: false, status: 401 });
    expect(request('/', { cookie: 'token=secret-token' })).toMatchObject({ ok: false, status: 401 });
  });

  it('answers 401 without a token and 403 with a wrong one', () => {
    expect(request('/')).toMatchObject({ ok: false, status: 401 });
    expect(request('/?token=guess')).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { authorization: 'Bearer secret-token-and-more' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/ws', { 'sec-websocket-protocol': 'shoebox, shoebox.token.guess' })).toMatchObject({ ok: false, status: 403 });
  });

  it('opens an image with its own capability only', () => {
    const thumb = { kind: 'thumb' as const, id: 'abc' };
    expect(request(`/thumb/abc?k=${imageCapability('secret-token', 'thumb', 'abc')}`, {}, thumb)).toEqual({ ok: true, via: 'capability' });
    expect(request(`/thumb/abc?k=${imageCapability('secret-token', 'image', 'abc')}`, {}, thumb)).toMatchObject({ ok: false, status: 403 });
    expect(request(`/thumb/abc?k=${imageCapability('secret-token', 'thumb', 'abd')}`, {}, thumb)).toMatchObject({ ok: false, status: 403 });
    expect(request('/thumb/abc?k=', {}, thumb)).toMatchObject({ ok: false, status: 403 });
    expect(request('/thumb/abc', {}, thumb)).toMatchObject({ ok: false, status: 401 });
    expect(request('/thumb/abc', { authorization: 'Bearer secret-token' }, thumb)).toEqual({ ok: true, via: 'header' });
    // Elsewhere a capability is no credential.
    expect(request(`/api/status?k=${imageCapability('secret-token', 'thumb', 'abc')}`)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses other hosts (DNS rebinding) and other origins, even with the token', () => {
    expect(request('/?token=secret-token', { host: 'evil.example:4000' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/?token=secret-token', { host: '127.0.0.1:4001' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { authorization: 'Bearer secret-token', origin: 'http://127.0.0.1:8080' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { authorization: 'Bearer secret-token', origin: 'null' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { authorization: 'Bearer secret-token', origin: 'http://127.0.0.1:4000' })).toMatchObject({ ok: true });
  });

  it('takes the host name in any case, and nothing else looser (DNS rebinding)', () => {
    for (const host of ['LOCALHOST:4000', 'LocalHost:4000', 'localhost:4000']) {
      expect(request('/?token=secret-token', { host }), host).toEqual({ ok: true, via: 'query' });
    }
    const refused = ['evil.com:4000', 'EVIL.COM:4000', '127.0.0.1', 'localhost', '127.0.0.1.:4000', 'LOCALHOST.:4000', '[::1]:4000',
      '0x7f.1:4000', '127.1:4000', '127.0.0.1:4000.evil.com', 'localhost:4000.EVIL.com', '127.0.0.1:04000', ''];
    for (const host of refused) {
      expect(request('/?token=secret-token', { host }), host).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/^wrong Host header/) });
    }
    // The refusal quotes the Host as it was sent.
    expect(request('/', { host: 'EVIL.COM:4000' })).toMatchObject({ reason: expect.stringContaining('"EVIL.COM:4000"') });
  });

  it('compares tokens in constant time', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
  });

  it('serves static files from the UI folder only', () => {
    const root = path.resolve('/srv/ui');
    expect(resolveStaticFile('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile('/assets/index-1.js', root)).toBe(path.join(root, 'assets', 'index-1.js'));
    for (const bad of ['/../secret', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/a%00.js', '/%E0%A4%A']) {
      const file = resolveStaticFile(bad, root);
      if (file !== null) expect(file.startsWith(root + path.sep), bad).toBe(true);
    }
    expect(resolveStaticFile('/assets/..%2f..%2f..%2fetc%2fpasswd', root)).toBeNull();
  });
});

describe('image capabilities (minted by the page, checked by the server)', () => {
  it('are HMAC-SHA256 as node:crypto computes it, for every input length', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200, 1000]) {
      const id = crypto.randomBytes(length).toString('base64url').slice(0, length);
      const token = crypto.randomBytes(32).toString('base64url');
      const expected = crypto.createHmac('sha256', token).update(`shoebox-image:thumb:${id}`).digest().subarray(0, 16).toString('base64url');
      expect(imageCapability(token, 'thumb', id), `id of ${length}`).toBe(expected);
    }
    // A key longer than SHA-256's block is hashed first (RFC 2104).
    const long = 'k'.repeat(100);
    expect(imageCapability(long, 'image', 'x')).toBe(crypto.createHmac('sha256', long).update('shoebox-image:image:x').digest().subarray(0, 16).toString('base64url'));
  });
});
