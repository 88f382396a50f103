// `shoebox serve`'s answers to requests it cannot serve, as a script (curl) meets them: params
// that are not an array, a body past the limit, a bad WebSocket message, a wrong Host or
// Origin, a lower-case "bearer", a GET on /api/. Each is one line that says what is wrong and
// what to do, and only a token problem sends the user to the printed URL.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { LibraryHost } from '../../src/core/api/library-api';
import { startServer, type RunningServer } from '../../src/server/server';
import { tempDir } from '../helpers/images';

const host = {
  home: '/data',
  status: vi.fn(async () => ({ model: null, modelProblem: null, photos: 3, folders: 1, failed: 0, watching: true, jobs: [] })),
  listPhotos: vi.fn(async () => ({ total: 3, offset: 0, photos: [] })),
  addFolder: vi.fn(async () => ({ jobId: 'j1' })),
  subscribe: () => () => {},
} as unknown as LibraryHost;

let server: RunningServer;

beforeAll(async () => {
  const ui = tempDir('shoebox-ui-');
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  server = await startServer({ api: host, rendererDir: ui });
});
afterAll(() => server?.close());

const api = (method: string) => `http://127.0.0.1:${server.port}/api/${method}`;
const post = (method: string, body: string, auth = `Bearer ${server.token}`) =>
  fetch(api(method), { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });

/** A raw request, so Host and Origin are sent as given (fetch would not). */
function raw(options: http.RequestOptions, body?: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, ...options }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /api/<method> params', () => {
  it('refuses params that are not a JSON array instead of calling with none', async () => {
    for (const [method, body] of [['listPhotos', '{"folder":"/nope"}'], ['status', '5'], ['addFolder', '"/tmp"']] as const) {
      const response = await post(method, body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toEqual({ error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/^params must be a JSON array of arguments/) } });
    }
    expect(host.listPhotos).not.toHaveBeenCalled();
    expect(host.addFolder).not.toHaveBeenCalled();
  });

  it('still takes an empty body as no arguments', async () => {
    const response = await post('status', '');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: expect.objectContaining({ photos: 3 }) });
  });

  it('answers a body past the limit with a 413 that says the limit, not a reset connection', async () => {
    // Its length said up front, and streamed without one (chunked): found out while reading.
    for (const length of [{}, { 'Transfer-Encoding': 'chunked' }]) {
      const headers = { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...length };
      const response = await raw({ method: 'POST', path: '/api/status', headers }, Buffer.alloc(60 * 1024 * 1024, 0x20));
      expect(response.status).toBe(413);
      expect(JSON.parse(response.text)).toEqual({ error: { name: 'BodyTooLargeError', message: 'request body too large: 56 MB at most' } });
    }
  });
});

describe('POST /api/<method> Content-Type', () => {
  const postAs = (contentType: string) =>
    fetch(api('status'), { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': contentType }, body: '[]' });

  it('takes application/json in any case, with parameters', async () => {
    for (const type of ['Application/JSON; charset=UTF-8', 'APPLICATION/JSON', 'application/json ; charset=utf-8', 'application/json']) {
      expect((await postAs(type)).status, type).toBe(200);
    }
  });

  it('refuses other media types that merely start like it, with a 415', async () => {
    for (const type of ['application/jsonp', 'application/json-seq', 'application/json5; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await postAs(type);
      expect(response.status, type).toBe(415);
      expect(await response.text(), type).toBe('send the params as a JSON array (Content-Type: application/json)');
    }
  });
});

describe('WebSocket messages', () => {
  it('refuses params that are not an array, and answers a message with a bad id saying why', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers: { Authorization: `Bearer ${server.token}` } });
    await new Promise((resolve) => ws.once('open', resolve));
    const next = () => new Promise<Record<string, unknown>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    let reply = next();
    ws.send(JSON.stringify({ id: 6, method: 'listPhotos', params: { folder: '/nope' } }));
    expect(await reply).toEqual({ id: 6, error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/^params must be a JSON array of arguments/) } });
    reply = next();
    ws.send(JSON.stringify({ id: 'x7', method: 'status', params: [] }));
    expect(await reply).toEqual({ id: 'x7', error: { name: 'InvalidArgumentsError', message: `a request's "id" must be a whole number, not a string` } });
    reply = next();
    ws.send(JSON.stringify({ id: 1.5, method: 'status', params: [] }));
    expect(await reply).toMatchObject({ id: 1.5, error: { message: `a request's "id" must be a whole number, not 1.5` } });
    reply = next();
    ws.send(JSON.stringify({ method: 'status', params: [] }));
    expect(await reply).toMatchObject({ id: null, error: { message: expect.stringMatching(/needs an "id"/) } });
    // Still open and answering.
    reply = next();
    ws.send(JSON.stringify({ id: 8, method: 'status' }));
    expect(await reply).toEqual({ id: 8, result: expect.objectContaining({ photos: 3 }) });
    expect(host.listPhotos).not.toHaveBeenCalled();
    ws.close();
  });
});

describe('refusals', () => {
  it('names the accepted Host and origins, and sends only token problems to the printed URL', async () => {
    const wrongHost = await raw({ path: `/?token=${server.token}`, headers: { Host: 'localhost:9000' } });
    expect(wrongHost.status).toBe(403);
    expect(wrongHost.text).toBe(`wrong Host header ("localhost:9000"): this server answers to 127.0.0.1:${server.port} and localhost:${server.port} only; an SSH tunnel must forward to the same port\n`);
    const wrongOrigin = await raw({ path: '/api/status', method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, Origin: 'http://127.0.0.1:8080', Authorization: `Bearer ${server.token}` } });
    expect(wrongOrigin.status).toBe(403);
    expect(wrongOrigin.text).toMatch(/^request from another origin \("http:\/\/127\.0\.0\.1:8080"\): only this server's own pages/);
    for (const refused of [wrongHost, wrongOrigin]) expect(refused.text).not.toMatch(/token|printed/);
    const noToken = await raw({ path: '/api/status', method: 'POST', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(noToken.status).toBe(401);
    expect(noToken.text).toMatch(/^no access token: open the URL `shoebox serve` printed/);
  });

  it('takes the bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      expect((await post('status', '[]', `${scheme} ${server.token}`)).status, scheme).toBe(200);
    }
  });

  it('says to use POST for other methods on /api/, with an Allow header', async () => {
    for (const method of ['GET', 'PUT']) {
      const response = await raw({ method, path: '/api/status', headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}` } });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.text).toBe('use POST with a JSON array body (Content-Type: application/json)\n');
    }
  });
});
