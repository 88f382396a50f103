// How a `shoebox serve` page proves it may use the server, defined once for both ends
// (src/server/auth.ts checks, src/renderer/client/ws-client.ts presents). No cookies: the
// browser sends a 127.0.0.1 cookie to every port on 127.0.0.1, so any other local web server
// the user visits would receive it. The page holds the per-run token itself instead:
//
// - the WebSocket handshake offers it as a subprotocol, `shoebox.token.<token>` next to
//   `shoebox` (the one the server selects, so the token is never echoed back);
// - `<img src>` cannot carry a header, so each image URL carries a capability: an HMAC of
//   the kind and id keyed with the token. It opens that one image only, and only a holder of
//   the token can mint one.
// Environment-free: the page computes capabilities while rendering, synchronously, which
// WebCrypto's promise-only API cannot do: @noble/hashes (audited, MIT) computes the HMAC on
// both ends.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** The printed URL's query parameter (and scripts' alternative to a Bearer header). */
export const TOKEN_PARAM = 'token';
/** The subprotocol the server selects. */
export const WS_PROTOCOL = 'shoebox';
/** The subprotocol that carries the token: this prefix, then the token (base64url: valid in a protocol name). */
export const WS_TOKEN_PROTOCOL_PREFIX = 'shoebox.token.';
/** The image URL's query parameter with its capability. */
export const CAPABILITY_PARAM = 'k';

export type ImageKind = 'thumb' | 'image';
/** What a media URL serves: an image, or a library video (played with ranged requests). */
export type MediaKind = ImageKind | 'video';

const encoder = new TextEncoder();

/** 128 bits of HMAC-SHA256(token, "shoebox-image:<kind>:<id>"), base64url (22 characters). */
export function imageCapability(token: string, kind: MediaKind, id: string): string {
  const mac = hmac(sha256, encoder.encode(token), encoder.encode(`shoebox-image:${kind}:${id}`)).subarray(0, 16);
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The path and query of an image under `shoebox serve`. */
export function imagePath(token: string, kind: MediaKind, id: string): string {
  return `/${kind}/${encodeURIComponent(id)}?${CAPABILITY_PARAM}=${imageCapability(token, kind, id)}`;
}
