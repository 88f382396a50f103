// Serves the built renderer (out/renderer) under shoebox://app/, and library photos'
// images under shoebox://app/thumb/<id> and shoebox://app/image/<id>. Image ids are looked
// up by the engine in the library (src/core/api/image-files.ts): only library photos are
// ever served, never a path someone put in a URL.
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { fileForUrlPath } from '../base/url-path-file';
import { APP_HOST, APP_SCHEME } from './app-url';
import type { ImageFile, ImageKind, VideoPiece } from './engine-host';

/** Where library images come from (the engine host). */
export interface ImageSource {
  readImage(id: string, kind: ImageKind): Promise<ImageFile | null>;
  /** A piece of a library video for the Range header (a <video> seeks with ranged requests). */
  readVideo?(id: string, range: string | null): Promise<VideoPiece | null>;
}

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origins and relative URLs; secure: a secure context like https.
      // Deliberately no bypassCSP and no corsEnabled: nothing else may load our files.
      // stream: <video> reads library videos in ranged pieces (Electron's protocol docs).
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
    },
  ]);
}

/** Answers shoebox://app/<path> from `rendererDir`, with the CSP as a real header, and images from `images`. */
export function serveRenderer(rendererDir: string, csp: string, images: ImageSource): void {
  protocol.handle(APP_SCHEME, (request) => respond(request.url, rendererDir, csp, images, request.headers.get('range')));
}

/** The kind and id of an image URL (shoebox://app/thumb/<id>), or null for anything else. */
export function imageRequest(url: string): { kind: ImageKind; id: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  const match = /^\/(thumb|image)\/([A-Za-z0-9_-]{1,8192})$/.exec(parsed.pathname);
  return match ? { kind: match[1] as ImageKind, id: match[2]! } : null;
}

export async function respond(url: string, rendererDir: string, csp: string, images?: ImageSource, range: string | null = null): Promise<Response> {
  if (/^[a-z]+:\/\/[^/]*\/video\//i.test(url)) return respondVideo(url, images, range);
  if (/^[a-z]+:\/\/[^/]*\/(thumb|image)\//i.test(url)) return respondImage(url, images);
  const file = resolveAppFile(url, rendererDir);
  if (file === null) return notFound();
  let response: Response;
  try {
    response = await net.fetch(pathToFileURL(file).toString());
  } catch {
    return notFound();
  }
  // webRequest header hooks never fire for custom schemes, so the header is set here.
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

/**
 * Maps an app URL to a file inside `rendererDir`, or null. Decoding happens before the
 * containment check, so %2e%2e%2f and encoded backslashes cannot climb out of the folder.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.host === APP_HOST ? fileForUrlPath(rendererDir, parsed.pathname) : null;
}

async function respondImage(url: string, images: ImageSource | undefined): Promise<Response> {
  const request = imageRequest(url);
  if (!request || !images) return notFound();
  let image: ImageFile | null;
  try {
    image = await images.readImage(request.id, request.kind);
  } catch {
    return notFound();
  }
  if (!image) return notFound();
  return new Response(image.data as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': image.contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=300' },
  });
}

/** shoebox://app/video/<id>: a library video, piece by piece as the player asks (206 + Content-Range). */
async function respondVideo(url: string, images: ImageSource | undefined, range: string | null): Promise<Response> {
  const match = /^[a-z]+:\/\/([^/]*)\/video\/([A-Za-z0-9_-]{1,8192})$/i.exec(url);
  if (!match || match[1] !== APP_HOST || !images?.readVideo) return notFound();
  let piece: VideoPiece | null;
  try {
    piece = await images.readVideo(match[2]!, range);
  } catch {
    return notFound();
  }
  if (!piece) return notFound();
  const headers: Record<string, string> = { 'Content-Type': piece.contentType, 'Accept-Ranges': 'bytes', 'Content-Length': String(piece.data.byteLength), 'X-Content-Type-Options': 'nosniff' };
  if (piece.contentRange) headers['Content-Range'] = piece.contentRange;
  return new Response(piece.status === 416 ? null : (piece.data as Uint8Array<ArrayBuffer>), { status: piece.status, headers });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
