// `shoebox serve`: the same LibraryApi the desktop app uses, over HTTP + WebSocket on
// 127.0.0.1 only, with the built UI. Routes (every one needs the access token, auth.ts):
//
//   GET  /, /assets/...      the renderer (out/renderer), with the CSP as a header
//   GET  /thumb/<id>          a library photo's thumbnail (JPEG)
//   GET  /image/<id>          a library photo's full image (as is, or a JPEG for HEIC/RAW/TIFF)
//   GET  /ws                  WebSocket: {id, method, params} -> {id, result|error}; {event} pushed
//   POST /api/<method>        one LibraryApi call for scripts: JSON array of params -> {result}|{error}
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../shared/csp';
import { answerRequest, errorBody, libraryHandler } from '../shared/rpc';
import type { LibraryHost } from '../core/api/library-api';
import { TOKEN_PARAM, checkRequest, newToken, tokenCookie, type AuthContext } from './auth';
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
/** A dropped query image arrives base64-encoded in one message. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const CSP = contentSecurityPolicy('production', 'header');

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const ctx: AuthContext = { token, port: 0 };
  const handle = libraryHandler(options.api);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${errorBody(error).message}`);
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}:${ctx.port}`);
    const auth = checkRequest(req, url, ctx);
    if (!auth.ok) return refuse(res, auth.status, auth.reason);
    const method = req.method ?? 'GET';
    if (method === 'POST' && url.pathname.startsWith('/api/')) return callApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    // The first load with ?token=: keep it as a cookie and take it out of the address bar.
    if (auth.via === 'query' && !url.pathname.startsWith('/thumb/') && !url.pathname.startsWith('/image/')) {
      url.searchParams.delete(TOKEN_PARAM);
      res.writeHead(303, { Location: url.pathname + url.search, 'Set-Cookie': tokenCookie(ctx.port, token), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
      return void res.end();
    }
    const image = /^\/(thumb|image)\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (image) return serveImage(res, image[1] as 'thumb' | 'image', image[2]!);
    if (url.pathname.startsWith('/thumb/') || url.pathname.startsWith('/image/')) return send(res, 404, 'text/plain; charset=utf-8', 'not a library photo');
    return serveStatic(res, url.pathname);
  }

  async function serveImage(res: ServerResponse, kind: 'thumb' | 'image', id: string): Promise<void> {
    const file = await options.api.readImage(id, kind);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not a library photo');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.data.byteLength,
      'Cache-Control': 'private, max-age=300',
      ...commonHeaders(),
    });
    res.end(file.data);
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
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'send the params as a JSON array (Content-Type: application/json)');
    }
    let params: unknown;
    try {
      const body = await readBody(req, MAX_MESSAGE_BYTES);
      params = body.length ? JSON.parse(body.toString('utf8')) : [];
    } catch (error) {
      return send(res, 400, 'application/json', JSON.stringify({ error: errorBody(error) }));
    }
    const response = await answerRequest({ id: 0, method, params }, handle);
    const failed = response !== null && 'error' in response;
    const payload = failed ? { error: response.error } : { result: response?.result ?? null };
    send(res, failed ? 400 : 200, 'application/json', JSON.stringify(payload));
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${HOST}:${ctx.port}`);
    const auth = checkRequest(req, url, ctx);
    if (!auth.ok || url.pathname !== '/ws') {
      const status = auth.ok ? 404 : auth.status;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => connect(ws));
  });

  function connect(ws: WebSocket): void {
    const unsubscribe = options.api.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'JSON text messages only');
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'not JSON');
      }
      void answerRequest(message, handle).then((response) => {
        if (response && ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      });
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
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

function refuse(res: ServerResponse, status: 401 | 403, reason: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${reason}: open the URL \`shoebox serve\` printed (it carries the access token)\n`);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
