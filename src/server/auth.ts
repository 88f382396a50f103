// Who may talk to `shoebox serve`. The server listens on 127.0.0.1 only, but any local
// process, and any web page the user opens (through their browser), can reach 127.0.0.1.
// So every API call, WebSocket and image must carry the per-run token (or a capability
// derived from it) that only the serve command's output shows:
//
// - Scripts send `Authorization: Bearer <token>` (or ?token=).
// - The page takes the token from the printed URL (?token=) and keeps it in sessionStorage;
//   its WebSocket handshake offers it as a subprotocol and its image URLs carry per-image
//   capabilities (src/shared/serve-access.ts).
// - Never a cookie: cookies are not separated by port, so a cookie for 127.0.0.1 goes to
//   every other web server on 127.0.0.1 the browser visits (which could also plant one).
// - No credential: 401. A wrong one: 403.
//
// The UI files (index.html, assets) hold no secret and are served without a credential, so
// the printed URL and a reload both work; a wrong ?token= on them is still 403 (a stale URL).
// Besides the token: the Host header must name this server (a DNS-rebinding page has another
// host), and a request that carries an Origin (browsers send one with WebSocket handshakes
// and POSTs) must come from this server's own pages.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CAPABILITY_PARAM, TOKEN_PARAM, WS_TOKEN_PROTOCOL_PREFIX, imageCapability, type MediaKind } from '../shared/serve-access';

export { TOKEN_PARAM };

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export type Credential = 'header' | 'query' | 'protocol' | 'capability';

export type AuthResult = { ok: true; via: Credential } | { ok: false; status: 401 | 403; reason: string };

export interface AuthContext {
  token: string;
  port: number;
}

/** The origins of this server's own pages. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Only a refusal about the credential sends the user to the printed URL: a wrong Host or Origin
 *  is not cured by the token, so those lines say what is accepted instead. */
const OPEN_PRINTED_URL = 'open the URL `shoebox serve` printed (it carries the access token, new each time serve starts)';

/** `image`: the request is for that image, so its capability (?k=) counts as a credential too. */
export function checkRequest(req: IncomingMessage, url: URL, ctx: AuthContext, image?: { kind: MediaKind; id: string }): AuthResult {
  const host = req.headers.host ?? '';
  // Host names are case-insensitive (RFC 9110 7.2): `LOCALHOST:PORT` is this server too. Nothing
  // else is loosened: the whole value must still be exactly one of the two, port included.
  const named = `http://${host.toLowerCase()}`;
  if (!ownOrigins(ctx.port).some((origin) => origin === named)) {
    const reason = `wrong Host header (${quoted(host)}): this server answers to 127.0.0.1:${ctx.port} and localhost:${ctx.port} only; an SSH tunnel must forward to the same port`;
    return { ok: false, status: 403, reason };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(ctx.port).includes(origin)) {
    const reason = `request from another origin (${quoted(origin)}): only this server's own pages (${ownOrigins(ctx.port).join(', ')}) may call it`;
    return { ok: false, status: 403, reason };
  }
  const capability = image ? url.searchParams.get(CAPABILITY_PARAM) : null;
  if (image && capability !== null) {
    return sameToken(capability, imageCapability(ctx.token, image.kind, image.id))
      ? { ok: true, via: 'capability' }
      : { ok: false, status: 403, reason: `wrong image capability: ${OPEN_PRINTED_URL}` };
  }
  const presented = presentedToken(req, url);
  if (!presented) return { ok: false, status: 401, reason: `no access token: ${OPEN_PRINTED_URL}, or send Authorization: Bearer <token>` };
  if (!sameToken(presented.token, ctx.token)) return { ok: false, status: 403, reason: `wrong access token: ${OPEN_PRINTED_URL}` };
  return { ok: true, via: presented.via };
}

/** A header's value in a refusal line: short, and visibly empty when absent. */
function quoted(value: string): string {
  return value ? JSON.stringify(value.slice(0, 100)) : 'none';
}

/** `Bearer <token>`, the scheme in any case: HTTP auth schemes are case-insensitive (RFC 9110 11.1). */
const BEARER = /^bearer[ \t]+(.*)$/i;

function presentedToken(req: IncomingMessage, url: URL): { token: string; via: Credential } | null {
  const bearer = BEARER.exec(req.headers.authorization ?? '');
  if (bearer) return { token: bearer[1]!.trim(), via: 'header' };
  const query = url.searchParams.get(TOKEN_PARAM);
  if (query) return { token: query, via: 'query' };
  const protocol = tokenProtocol(req.headers['sec-websocket-protocol']);
  if (protocol !== null) return { token: protocol, via: 'protocol' };
  return null;
}

/** The token a WebSocket handshake offers as `shoebox.token.<token>` among its subprotocols. */
function tokenProtocol(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const name = part.trim();
    if (name.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) return name.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  }
  return null;
}

/** Constant-time comparison: the time taken says nothing about how much of a guess matched. */
export function sameToken(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}
