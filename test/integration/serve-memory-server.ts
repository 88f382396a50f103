// A `shoebox serve` server in a process of its own, so a test can measure its memory alone
// (the test's own clients hold the big messages too). A stand-in library decodes a dropped
// image as the real one does and holds it a moment. Prints {port, token} as its first line;
// each "peak" line on stdin is answered with the highest RSS seen so far, in MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { LibraryHost } from '../../src/core/api/library-api';
import type { QueryImage } from '../../src/shared/api';
import { startServer } from '../../src/server/server';

const ui = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-mem-ui-'));
fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');

const host = {
  home: '/data',
  status: async () => ({ model: null, modelProblem: null, photos: 0, folders: 0, failed: 0, watching: false, jobs: [] }),
  searchByImage: async (image: QueryImage) => {
    const bytes = Buffer.from(image.base64, 'base64');
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { total: bytes.length, offset: 0, results: [] };
  },
  subscribe: () => () => {},
} as unknown as LibraryHost;

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
setInterval(sample, 10).unref();

const server = await startServer({ api: host, rendererDir: ui });
process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token })}\n`);
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  sample();
  if (line === 'peak') process.stdout.write(`${JSON.stringify({ peakMb: Math.round(peak / 1024 / 1024) })}\n`);
});
process.stdin.on('end', () => {
  void server.close().then(() => {
    fs.rmSync(ui, { recursive: true, force: true });
    process.exit(0);
  });
});
