// `shoebox serve` holds big `POST /api` bodies (over 1 MB) to the same bound as big WebSocket
// messages: at most two read and answered at once, all together. A request past the bound is
// not read until a slot frees (the client waits, as a WebSocket client does); small requests
// go on meanwhile. Observed through the calls the library gets, not through memory.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { LibraryHost } from '../../src/core/api/library-api';
import { startServer, type RunningServer } from '../../src/server/server';
import { tempDir } from '../helpers/images';

const MB = 1024 * 1024;
/** status() answers only when the test says so: each call holds its slot until then. */
const pending: (() => void)[] = [];
const host = {
  home: '/data',
  status: vi.fn(() => new Promise((resolve) => pending.push(() => resolve({ photos: 3 })))),
  listPhotos: vi.fn(async () => ({ total: 0, offset: 0, photos: [] })),
  subscribe: () => () => {},
} as unknown as LibraryHost;

let server: RunningServer;

beforeAll(async () => {
  const ui = tempDir('shoebox-ui-');
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  server = await startServer({ api: host, rendererDir: ui });
});
afterAll(() => server?.close());

/** A valid call to status() whose body is 2 MB (blank space inside the params array). */
const bigBody = `[${' '.repeat(2 * MB)}]`;
const post = (method: string, body: string) =>
  fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body });
const statusCalls = () => vi.mocked(host.status).mock.calls.length;
const waitForCalls = (n: number) => vi.waitFor(() => expect(statusCalls()).toBe(n), { timeout: 20_000, interval: 20 });
/** Long enough for a request that was let in to reach the library (it does within milliseconds). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

describe('big POST /api bodies', () => {
  it('are read and answered two at a time; the third waits, and small calls go on meanwhile', async () => {
    vi.mocked(host.status).mockClear();
    const answers = [post('status', bigBody), post('status', bigBody), post('status', bigBody)];
    await waitForCalls(2);
    expect((await post('listPhotos', '[]')).status).toBe(200);
    await settle();
    expect(statusCalls()).toBe(2); // the third is not read while both slots are held
    pending.shift()!();
    await waitForCalls(3);
    while (pending.length) pending.shift()!();
    for (const answer of await Promise.all(answers)) expect(answer.status).toBe(200);
  });

  it('share the bound with big WebSocket messages: one bound for the server', async () => {
    vi.mocked(host.status).mockClear();
    const answers = [post('status', bigBody), post('status', bigBody)];
    await waitForCalls(2);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers: { Authorization: `Bearer ${server.token}` } });
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise<Record<string, unknown>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    ws.send(`{"id":1,"method":"status","params":[]${' '.repeat(2 * MB)}}`);
    await settle();
    expect(statusCalls()).toBe(2); // the WebSocket's big message waits for a slot too
    pending.shift()!();
    await waitForCalls(3);
    while (pending.length) pending.shift()!();
    expect(await reply).toEqual({ id: 1, result: { photos: 3 } });
    for (const answer of await Promise.all(answers)) expect(answer.status).toBe(200);
    ws.close();
  });
});
