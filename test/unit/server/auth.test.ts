import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequest, readCookie, sameToken, tokenCookie } from '../../../src/server/auth';
import { resolveStaticFile } from '../../../src/server/static-files';

const ctx = { token: 'secret-token', port: 4000 };

function request(url: string, headers: Record<string, string> = {}) {
  const req = { headers: { host: '127.0.0.1:4000', ...headers } } as unknown as IncomingMessage;
  return checkRequest(req, new URL(url, 'http://127.0.0.1:4000'), ctx);
}

describe('serve access checks', () => {
  it('accepts the token as a cookie, a bearer header or a query parameter', () => {
    expect(request('/', { cookie: 'other=1; shoebox_token_4000=secret-token' })).toEqual({ ok: true, via: 'cookie' });
    expect(request('/', { authorization: 'Bearer secret-token' })).toEqual({ ok: true, via: 'header' });
    expect(request('/?token=secret-token')).toEqual({ ok: true, via: 'query' });
    expect(request('/', { host: 'localhost:4000', authorization: 'Bearer secret-token' })).toMatchObject({ ok: true });
  });

  it('answers 401 without a token and 403 with a wrong one', () => {
    expect(request('/')).toMatchObject({ ok: false, status: 401 });
    expect(request('/', { cookie: 'shoebox_token_4001=secret-token' })).toMatchObject({ ok: false, status: 401 });
    expect(request('/?token=guess')).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { authorization: 'Bearer secret-token-and-more' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses other hosts (DNS rebinding) and other origins, even with the token', () => {
    expect(request('/?token=secret-token', { host: 'evil.example:4000' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/?token=secret-token', { host: '127.0.0.1:4001' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { cookie: 'shoebox_token_4000=secret-token', origin: 'http://127.0.0.1:8080' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { cookie: 'shoebox_token_4000=secret-token', origin: 'null' })).toMatchObject({ ok: false, status: 403 });
    expect(request('/', { cookie: 'shoebox_token_4000=secret-token', origin: 'http://127.0.0.1:4000' })).toMatchObject({ ok: true });
  });

  it('sets an HttpOnly, SameSite=Strict cookie named for the port', () => {
    expect(tokenCookie(4000, 'abc')).toBe('shoebox_token_4000=abc; Path=/; HttpOnly; SameSite=Strict');
    expect(readCookie('a=1; shoebox_token_4000=abc', 'shoebox_token_4000')).toBe('abc');
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
