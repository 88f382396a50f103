// `shoebox serve`'s HTTP and WebSocket surface against a stand-in library: the token rules,
// headers, the RPC protocol and the image routes, without a browser (test/e2e drives one).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { startServer, type RunningServer } from '../../src/server/server';
import { CAPABILITY_PARAM, imageCapability } from '../../src/shared/serve-access';
import { assertRendererBuilt } from '../../src/server/static-files';
import { tempDir } from '../helpers/images';

const listeners = new Set<(event: LibraryEvent) => void>();
const host = {
  home: '/data',
  status: vi.fn(async () => ({ model: null, modelProblem: null, photos: 3, folders: 1, failed: 0, watching: true, jobs: [] })),
  listPhotos: vi.fn(async () => ({ total: 0, offset: 0, photos: [] })),
  readImage: vi.fn(async (id: string) => (id === 'known' ? { contentType: 'image/png', data: new Uint8Array([0x89, 0x50]) } : null)),
  subscribe: (listener: (event: LibraryEvent) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
} as unknown as LibraryHost;

let server: RunningServer;
let ui: string;

beforeAll(async () => {
  ui = tempDir('shoebox-ui-');
  fs.mkdirSync(path.join(ui, 'assets'));
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  fs.writeFileSync(path.join(ui, 'assets', 'app-1.js'), 'console.log(1)');
  server = await startServer({ api: host, rendererDir: ui });
});
afterAll(() => server?.close());

/** What a neighbour server could plant or a cookie-based version would have sent. */
const cookie = () => `shoebox_token_${server.port}=${server.token}`;
const bearer = () => ({ Authorization: `Bearer ${server.token}` });
const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server.port}${pathname}`, { headers, redirect: 'manual' });

function socket(headers: Record<string, string>, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });
}

function next(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('shoebox serve over HTTP', () => {
  it('listens on 127.0.0.1 with a long random token in its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the UI with its security headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Shoebox</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await get('/assets/app-1.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses every route without the token', async () => {
    for (const route of ['/thumb/known', '/image/known', '/ws', '/api/status']) {
      expect((await get(route)).status, route).toBe(401);
      expect((await get(route, { Authorization: 'Bearer wrong' })).status, route).toBe(403);
      expect((await get(`${route}?token=wrong`)).status, route).toBe(403);
    }
    expect(host.readImage).not.toHaveBeenCalled();
  });

  it('serves library images the engine knows, 404 for the rest', async () => {
    const image = await get('/image/known', { Authorization: `Bearer ${server.token}` });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await get('/thumb/L2V0Yy9wYXNzd2Q', bearer())).status).toBe(404);
    expect((await get('/thumb/a.b', bearer())).status).toBe(404);
  });

  it('answers POST /api/<method> for scripts, with checked arguments', async () => {
    const post = (method: string, body: string, type = 'application/json') =>
      fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': type }, body });
    const ok = await post('status', '[]');
    expect(await ok.json()).toEqual({ result: expect.objectContaining({ photos: 3 }) });
    const bad = await post('listPhotos', '[{"limit":"all"}]');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/limit/) } });
    expect((await post('status', '[]', 'text/plain')).status).toBe(415);
    expect((await post('status', '{not json')).status).toBe(400);
  });
});

describe('shoebox serve over WebSocket', () => {
  it('answers {id, method, params} with {id, result|error} and pushes events', async () => {
    const ws = await socket(bearer(), `http://127.0.0.1:${server.port}`);
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    ws.send(JSON.stringify({ id: 7, method: 'status', params: [] }));
    expect(await next(ws)).toEqual({ id: 7, result: expect.objectContaining({ photos: 3 }) });
    ws.send(JSON.stringify({ id: 8, method: 'listPhotos', params: [{ limit: 0 }] }));
    expect(await next(ws)).toEqual({ id: 8, error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/limit/) } });
    ws.send(JSON.stringify({ id: 9, method: 'readImage', params: ['known', 'image'] }));
    expect(await next(ws)).toMatchObject({ id: 9, error: { message: expect.stringMatching(/unknown method/) } });
    const pushed = next(ws);
    for (const listener of listeners) listener({ type: 'photos-changed', added: 1, removed: 0 });
    expect(await pushed).toEqual({ event: { type: 'photos-changed', added: 1, removed: 0 } });
    const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1007);
  });

  it('authenticates with the token as a subprotocol and selects only "shoebox" (the token is never echoed)', async () => {
    const ws = await new Promise<WebSocket | number>((resolve) => {
      const s = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, ['shoebox', `shoebox.token.${server.token}`], { origin: `http://127.0.0.1:${server.port}` });
      s.once('open', () => resolve(s));
      s.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    expect(ws.protocol).toBe('shoebox');
    ws.send(JSON.stringify({ id: 1, method: 'status', params: [] }));
    expect(await next(ws)).toEqual({ id: 1, result: expect.objectContaining({ photos: 3 }) });
    ws.close();
    const wrong = await new Promise<number | 'open'>((resolve) => {
      const s = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, ['shoebox', 'shoebox.token.nope']);
      s.once('open', () => resolve('open'));
      s.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(wrong).toBe(403);
  });

  it('refuses a handshake without the token, with a wrong one, or from another origin', async () => {
    expect(await socket({})).toBe(401);
    expect(await socket({ Authorization: 'Bearer nope' })).toBe(403);
    expect(await socket(bearer(), 'http://localhost:3000')).toBe(403);
    expect(await socket(bearer(), 'http://127.0.0.1:8080')).toBe(403);
    expect(await socket({ ...bearer(), Host: `attacker.example:${server.port}` })).toBe(403);
  });
});

describe('shoebox serve keeps its credential out of cookies (other local servers get every 127.0.0.1 cookie)', () => {
  it('never sets a cookie, and a cookie carrying the real token grants nothing', async () => {
    const first = await get(`/?token=${server.token}`);
    expect(first.headers.get('set-cookie')).toBeNull();
    const jar = { Cookie: cookie() };
    for (const route of ['/thumb/known', '/image/known', '/ws']) expect((await get(route, jar)).status, route).toBe(401);
    const api = await fetch(`http://127.0.0.1:${server.port}/api/status`, { method: 'POST', headers: { ...jar, 'Content-Type': 'application/json' }, body: '[]' });
    expect(api.status).toBe(401);
    expect(await socket(jar, `http://127.0.0.1:${server.port}`)).toBe(401);
  });

  it('is not locked out by the cookies a neighbour plants for 127.0.0.1, however many (a browser sends up to 180 of 4 KB)', async () => {
    const planted = Array.from({ length: 180 }, (_, i) => `planted${i}=${'x'.repeat(4000)}`).join('; ');
    const page = await get('/', { Cookie: planted });
    expect(page.status).toBe(200);
    const api = await fetch(`http://127.0.0.1:${server.port}/api/status`, { method: 'POST', headers: { ...bearer(), Cookie: planted, 'Content-Type': 'application/json' }, body: '[]' });
    expect(api.status).toBe(200);
    const ws = await socket({ ...bearer(), Cookie: planted }, `http://127.0.0.1:${server.port}`);
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    ws.close();
  });

  it('serves the UI shell without a credential (it holds no secret), but refuses a wrong token in the URL', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(server.token);
    expect((await get('/assets/app-1.js')).status).toBe(200);
    // An old URL (serve restarted with a new token) is told so, in one line.
    const stale = await get('/?token=an-old-token');
    expect(stale.status).toBe(403);
    expect(await stale.text()).toMatch(/^wrong access token: open the URL `shoebox serve` printed/);
    // Straight from the printed URL: the page itself, no redirect (the page takes the token out of the address bar).
    expect((await get(`/?token=${server.token}`)).status).toBe(200);
  });

  it('serves images by per-image capability URLs that only the token holder can mint', async () => {
    const good = imageCapability(server.token, 'image', 'known');
    expect(good).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const ok = await get(`/image/known?${CAPABILITY_PARAM}=${good}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    // Per image and per kind: a thumbnail's capability does not open the full image or another photo.
    expect((await get(`/image/known?${CAPABILITY_PARAM}=${imageCapability(server.token, 'thumb', 'known')}`)).status).toBe(403);
    expect((await get(`/image/known?${CAPABILITY_PARAM}=${imageCapability(server.token, 'image', 'other')}`)).status).toBe(403);
    expect((await get(`/image/known?${CAPABILITY_PARAM}=${imageCapability('another-token', 'image', 'known')}`)).status).toBe(403);
    expect((await get('/image/known')).status).toBe(401);
    // An unknown photo with a valid capability is still only a 404.
    expect((await get(`/thumb/zzz?${CAPABILITY_PARAM}=${imageCapability(server.token, 'thumb', 'zzz')}`)).status).toBe(404);
  });
});

describe('shoebox serve and bad input', () => {
  it('answers a malformed percent-encoding in /api/<method> with 400, not 500', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/%E0%A4%A`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '[]' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/method name/) } });
  });
});

describe('shoebox serve under many big messages at once', () => {
  // Unbounded, this took the server from 80 MB to 970 MB; bounded, to about 450 MB.
  it('bounds what is in flight: eight parallel 52 MB image searches are all answered, with under 600 MB more memory', { timeout: 300_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve-memory-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const lines = readline.createInterface({ input: child.stdout });
      const nextLine = () => new Promise<Record<string, number | string>>((resolve) => lines.once('line', (line) => resolve(JSON.parse(line))));
      const { port, token } = (await nextLine()) as { port: number; token: string };
      child.stdin.write('peak\n');
      const before = Number((await nextLine())['peakMb']);
      // Just under the 40 MB query-image limit, base64: about 52 MB a message.
      const message = JSON.stringify({ id: 1, method: 'searchByImage', params: [{ name: 'big.jpg', base64: Buffer.alloc(39 * 1024 * 1024, 7).toString('base64') }] });
      const answers = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Authorization: `Bearer ${token}` } });
          await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
          const answer = next(ws);
          ws.send(message);
          const result = await answer;
          ws.close();
          return result;
        }),
      );
      expect(answers).toEqual(Array.from({ length: 8 }, () => ({ id: 1, result: { total: 39 * 1024 * 1024, offset: 0, results: [] } })));
      child.stdin.write('peak\n');
      const peak = Number((await nextLine())['peakMb']);
      expect(peak - before, `serve grew from ${before} MB to ${peak} MB`).toBeLessThan(600);
    } finally {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('the UI folder', () => {
  it('must be built first, with a one-line message saying how', async () => {
    const empty = tempDir('shoebox-no-ui-');
    await expect(assertRendererBuilt(empty)).rejects.toThrow(/^the UI is not built \(no .*index\.html\): run `npm run build` first$/);
    await expect(assertRendererBuilt(ui)).resolves.toBeUndefined();
  });
});
