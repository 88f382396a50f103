// `shoebox serve`'s HTTP and WebSocket surface against a stand-in library: the token rules,
// headers, the RPC protocol and the image routes, without a browser (test/e2e drives one).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { startServer, type RunningServer } from '../../src/server/server';
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

const cookie = () => `shoebox_token_${server.port}=${server.token}`;
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

  it('trades the URL token for a cookie and takes it out of the address bar', async () => {
    const first = await get(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toBe(`shoebox_token_${server.port}=${server.token}; Path=/; HttpOnly; SameSite=Strict`);
    const page = await get('/', { Cookie: cookie() });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Shoebox</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await get('/assets/app-1.js', { Cookie: cookie() });
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses every route without the token', async () => {
    for (const route of ['/', '/index.html', '/assets/app-1.js', '/thumb/known', '/image/known', '/ws', '/api/status']) {
      expect((await get(route)).status, route).toBe(401);
      expect((await get(route, { Cookie: `shoebox_token_${server.port}=wrong` })).status, route).toBe(403);
    }
    expect(host.readImage).not.toHaveBeenCalled();
  });

  it('serves library images the engine knows, 404 for the rest', async () => {
    const image = await get('/image/known', { Authorization: `Bearer ${server.token}` });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await get('/thumb/L2V0Yy9wYXNzd2Q', { Cookie: cookie() })).status).toBe(404);
    expect((await get('/thumb/a.b', { Cookie: cookie() })).status).toBe(404);
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
    const ws = await socket({ Cookie: cookie() }, `http://127.0.0.1:${server.port}`);
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

  it('refuses a handshake without the token, with a wrong one, or from another origin', async () => {
    expect(await socket({})).toBe(401);
    expect(await socket({ Cookie: `shoebox_token_${server.port}=nope` })).toBe(403);
    expect(await socket({ Cookie: cookie() }, 'http://localhost:3000')).toBe(403);
    expect(await socket({ Cookie: cookie(), Host: `attacker.example:${server.port}` })).toBe(403);
  });
});

describe('the UI folder', () => {
  it('must be built first, with a one-line message saying how', async () => {
    const empty = tempDir('shoebox-no-ui-');
    await expect(assertRendererBuilt(empty)).rejects.toThrow(/^the UI is not built \(no .*index\.html\): run `npm run build` first$/);
    await expect(assertRendererBuilt(ui)).resolves.toBeUndefined();
  });
});
