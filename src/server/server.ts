// `shoebox serve`: the same LibraryApi the desktop app uses, over HTTP + WebSocket on
// 127.0.0.1 only, with the built UI. Routes (credentials: auth.ts):
//
//   GET  /, /assets/...      the renderer (out/renderer), with the CSP as a header; no secret
//                            in it, so no credential needed (a wrong ?token= is still 403)
//   GET  /thumb/<id>?k=...    a library photo's thumbnail (JPEG); k: its capability, or the token
//   GET  /image/<id>?k=...    a library photo's full image (as is, or a JPEG for HEIC/RAW/TIFF)
//   GET  /ws                  WebSocket (token as a subprotocol): {id, method, params} ->
//                            {id, result|error}; {event} pushed. Memory bounded: message-budget.ts
//   POST /api/<method>        one LibraryApi call for scripts (Bearer token): JSON array of
//                            params (an empty body: none) -> {result}|{error}; other methods 405.
//                            Bodies over 1 MB share the WebSocket's big-message slots
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../shared/csp';
import { MAX_QUERY_IMAGE_BYTES } from '../shared/api';
import { InvalidArgumentsError } from '../shared/api-methods';
import { answerRequest, errorBody, libraryHandler, notARequestReply } from '../shared/rpc';
import { WS_PROTOCOL, type MediaKind } from '../shared/serve-access';
import type { LibraryHost } from '../core/index';
import { TOKEN_PARAM, checkRequest, newToken, type AuthContext } from './auth';
import { BigMessageSlots, meterConnection } from './message-budget';
import { isJsonMediaType } from './media-type';
import { BodyTooLargeError, readBody, type RequestBody } from './request-body';
import { readStaticFile, resolveStaticFile } from './static-files';

export interface ServeOptions {
  api: LibraryHost;
  /** The built renderer folder (index.html and assets/). */
  rendererDir: string;
  /** 0 (default) lets the system choose a free port. */
  port?: number;
  /** Fixed token (tests); default: a new random one. */
  token?: string;
}

export interface RunningServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** A dropped query image arrives base64-encoded in one message: the largest allowed, plus room for the rest. */
const MAX_MESSAGE_BYTES = Math.ceil(MAX_QUERY_IMAGE_BYTES / 3) * 4 + 1024 * 1024;
/** Big messages (over 1 MB) read and answered at once: WebSocket messages and POST /api bodies, all together. */
const BIG_MESSAGE_SLOTS = 2;
/**
 * Any other web server on 127.0.0.1 can plant cookies the browser then sends here too (up to
 * 180 of 4 KB); with Node's 16 KB default they would make every request a 431.
 */
const MAX_HEADER_BYTES = 1024 * 1024;
/** Open WebSockets at once (a person has a few tabs; each may hold a little memory). */
const MAX_SOCKETS = 32;
const CSP = contentSecurityPolicy('production', 'header');

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const ctx: AuthContext = { token, port: 0 };
  const handle = libraryHandler(options.api);
  // The page offers [WS_PROTOCOL, 'shoebox.token.<token>']: select the first, never echo the token.
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const slots = new BigMessageSlots(BIG_MESSAGE_SLOTS);

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${errorBody(error).message}`);
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}:${ctx.port}`);
    const method = req.method ?? 'GET';
    const match = /^\/(thumb|image|video)\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    const image = match ? { kind: match[1] as MediaKind, id: match[2]! } : undefined;
    const auth = checkRequest(req, url, ctx, image);
    const isImage = url.pathname.startsWith('/thumb/') || url.pathname.startsWith('/image/') || url.pathname.startsWith('/video/');
    const isStatic = !isImage && !url.pathname.startsWith('/api/') && url.pathname !== '/ws';
    // The UI files need no credential (they hold no secret), but a wrong one is refused.
    if (!auth.ok && !(isStatic && auth.status === 401)) return refuse(res, auth.status, auth.reason);
    if (method === 'POST' && url.pathname.startsWith('/api/')) {
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(5));
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ error: errorBody(new InvalidArgumentsError('the method name in /api/<method> is not valid percent-encoding')) }));
      }
      return callApi(req, res, name);
    }
    if (url.pathname.startsWith('/api/')) {
      res.setHeader('Allow', 'POST');
      return send(res, 405, 'text/plain; charset=utf-8', 'use POST with a JSON array body (Content-Type: application/json)\n');
    }
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    if (image?.kind === 'video') return serveVideo(req, res, image.id);
    if (image) return serveImage(res, image.kind, image.id);
    if (isImage) return send(res, 404, 'text/plain; charset=utf-8', 'not a library photo');
    return serveStatic(res, url.pathname);
  }

  async function serveImage(res: ServerResponse, kind: 'thumb' | 'image', id: string): Promise<void> {
    const file = await options.api.readImage(id, kind);
    // Null also for an original that changed since it was indexed (core/api/indexed-file-check.ts).
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not a library photo, or changed since it was indexed');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.data.byteLength,
      'Cache-Control': 'private, max-age=300',
      ...commonHeaders(),
    });
    res.end(file.data);
  }

  /** A library video in ranged pieces (core/api/video-files.ts): the player seeks with Range. */
  async function serveVideo(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    // Without a Range (a download, curl), the whole file as a 200, streamed piece by piece.
    const whole = !req.headers.range;
    const piece = await options.api.readVideo(id, whole ? 'bytes=0-' : req.headers.range!);
    if (!piece) return send(res, 404, 'text/plain; charset=utf-8', 'not a library video, or changed since it was indexed');
    res.writeHead(whole && piece.status === 206 ? 200 : piece.status, {
      'Content-Type': piece.contentType,
      'Content-Length': whole && piece.status === 206 ? piece.size : piece.data.byteLength,
      'Accept-Ranges': 'bytes',
      ...(piece.contentRange && !whole ? { 'Content-Range': piece.contentRange } : {}),
      'Cache-Control': 'private, max-age=300',
      ...commonHeaders(),
    });
    if (req.method === 'HEAD') return void res.end();
    if (!whole || piece.status !== 206) return void res.end(piece.data);
    let sent = 0;
    for (let next: typeof piece | null = piece; next && next.data.byteLength > 0; ) {
      if (!res.write(next.data)) await new Promise((resolve) => res.once('drain', resolve));
      sent += next.data.byteLength;
      if (sent >= piece.size || res.destroyed) break;
      next = await options.api.readVideo(id, `bytes=${sent}-`);
    }
    // A file that shrank or vanished mid-way: cut the response rather than end it short and "complete".
    if (sent < piece.size) res.destroy();
    else res.end();
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStaticFile(pathname, options.rendererDir);
    const found = file ? await readStaticFile(file) : null;
    if (!found) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': found.data.byteLength,
      // Vite names assets by content hash; index.html must always be fetched fresh.
      'Cache-Control': hashed ? 'private, max-age=31536000, immutable' : 'no-store',
      'Content-Security-Policy': CSP,
      ...commonHeaders(),
    });
    res.end(found.data);
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!isJsonMediaType(req.headers['content-type'])) {
      return send(res, 415, 'text/plain; charset=utf-8', 'send the params as a JSON array (Content-Type: application/json)');
    }
    let received: RequestBody;
    let params: unknown;
    try {
      received = await readBody(req, MAX_MESSAGE_BYTES, slots);
    } catch (error) {
      return send(res, error instanceof BodyTooLargeError ? 413 : 400, 'application/json', JSON.stringify({ error: errorBody(error) }));
    }
    try {
      // An empty body: no arguments (as `{id, method}` without params over the WebSocket).
      params = received.body.length ? JSON.parse(received.body.toString('utf8')) : undefined;
    } catch (error) {
      received.answered();
      return send(res, 400, 'application/json', JSON.stringify({ error: errorBody(error) }));
    }
    try {
      const response = await answerRequest({ id: 0, method, params }, handle);
      const failed = response !== null && 'error' in response;
      const payload = failed ? { error: response.error } : { result: response?.result ?? null };
      send(res, failed ? 400 : 200, 'application/json', JSON.stringify(payload));
    } finally {
      // Its big-message slot, if it took one, is held until it has been answered (as a WebSocket message's).
      received.answered();
    }
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${HOST}:${ctx.port}`);
    const auth = checkRequest(req, url, ctx);
    const status = !auth.ok ? auth.status : url.pathname !== '/ws' ? 404 : sockets.clients.size >= MAX_SOCKETS ? 503 : 0;
    if (status) {
      // The same line as over HTTP, for a script that reads it (a browser's WebSocket does not).
      const line = `${!auth.ok ? auth.reason : status === 404 ? 'not found' : `too many WebSockets open (${MAX_SOCKETS} at most)`}\n`;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(line)}\r\n\r\n${line}`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => connect(ws, socket, head.length));
  });

  function connect(ws: WebSocket, socket: Duplex, head: number): void {
    const meter = meterConnection(ws, socket, head, slots);
    const unsubscribe = options.api.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
    ws.on('message', (data: Buffer, isBinary) => {
      const answered = meter.received(data.length);
      if (isBinary) return ws.close(1003, 'JSON text messages only');
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'not JSON');
      }
      // Every message gets an answer: one that is not a request hears why (a bad id, say).
      void answerRequest(message, handle)
        .then((response) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response ?? notARequestReply(message)));
        })
        .finally(answered);
    });
    const closed = () => {
      unsubscribe();
      meter.closed();
    };
    ws.on('close', closed);
    ws.on('error', closed);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  ctx.port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${ctx.port}/?${TOKEN_PARAM}=${token}`,
    port: ctx.port,
    token,
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function commonHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...commonHeaders() });
  res.end(body);
}

/** `reason`: auth.ts's whole line (what is wrong and what to do). */
function refuse(res: ServerResponse, status: 401 | 403, reason: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${reason}\n`);
}
