// Who may talk to `shoebox serve`. The server listens on 127.0.0.1 only, but any local
// process, and any web page the user opens (through their browser), can reach 127.0.0.1.
// So every request must carry the per-run token that only the serve command's output shows:
//
// - The printed URL carries it (?token=). The first page load with it sets an HttpOnly,
//   SameSite=Strict cookie (named per port) and redirects to the same URL without it, so it
//   leaves the address bar and history; later requests (assets, images, the WebSocket) carry
//   the cookie.
// - Scripts may send `Authorization: Bearer <token>` (or ?token=) instead.
// - No token: 401. A wrong one: 403.
//
// Besides the token: the Host header must name this server (a DNS-rebinding page has another
// host), and a request that carries an Origin (browsers send one with WebSocket handshakes
// and POSTs) must come from this server's own pages. Another local site (127.0.0.1:8080 is
// "same-site" for cookies) cannot ride on the cookie.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_PARAM = 'token';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  return `shoebox_token_${port}`;
}

export type AuthResult = { ok: true; via: 'cookie' | 'header' | 'query' } | { ok: false; status: 401 | 403; reason: string };

export interface AuthContext {
  token: string;
  port: number;
}

/** The origins of this server's own pages. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function checkRequest(req: IncomingMessage, url: URL, ctx: AuthContext): AuthResult {
  const host = req.headers.host ?? '';
  if (!ownOrigins(ctx.port).some((origin) => origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: 'wrong Host header' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(ctx.port).includes(origin)) {
    return { ok: false, status: 403, reason: 'request from another origin' };
  }
  const presented = presentedToken(req, url, ctx.port);
  if (!presented) return { ok: false, status: 401, reason: 'no access token' };
  if (!sameToken(presented.token, ctx.token)) return { ok: false, status: 403, reason: 'wrong access token' };
  return { ok: true, via: presented.via };
}

function presentedToken(req: IncomingMessage, url: URL, port: number): { token: string; via: 'cookie' | 'header' | 'query' } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'header' };
  const query = url.searchParams.get(TOKEN_PARAM);
  if (query) return { token: query, via: 'query' };
  const cookie = readCookie(req.headers.cookie, cookieName(port));
  if (cookie) return { token: cookie, via: 'cookie' };
  return null;
}

/** Constant-time comparison: the time taken says nothing about how much of a guess matched. */
export function sameToken(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
