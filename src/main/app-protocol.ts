// Serves the built renderer (out/renderer) under shoebox://app/.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origins and relative URLs; secure: a secure context like https.
      // Deliberately no bypassCSP and no corsEnabled: nothing else may load our files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Answers shoebox://app/<path> from `rendererDir`, with the CSP as a real header. */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(request.url, rendererDir, csp));
}

export async function respond(url: string, rendererDir: string, csp: string): Promise<Response> {
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
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname}`);
  if (file === root) return path.join(root, 'index.html');
  return file.startsWith(root + path.sep) ? file : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
