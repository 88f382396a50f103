// A stand-in for the Hugging Face Hub on 127.0.0.1, speaking the endpoints a model download
// uses: /api/models/{repo}/revision/{rev}, /api/models/{repo}/tree/{rev}?recursive=true
// (paginated with a Link header) and /{repo}/resolve/{rev}/{path} (with Range support and, for
// LFS files, an optional 302 to a "CDN" path like the real hub's). Faults can be injected:
// drop the connection after N bytes, serve corrupted bytes, ignore Range, fail with a status,
// and the ways a hostile mirror misbehaves: unsafe paths in the listing, endless or dripping
// bodies, stalls, looping pagination, redirects to other schemes.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface RequestRecord {
  /** "revision", "tree", "resolve" or "cdn". */
  kind: string;
  url: string;
  /** Repository path of the file served (resolve and cdn). */
  file?: string;
  range?: string;
  status: number;
  /** Body bytes written before the response ended or was cut. */
  bytes: number;
}

export interface Faults {
  /** Cut the connection after this many body bytes of the file, `times` times (default once). */
  drop?: { file: string; afterBytes: number; times?: number };
  /** Serve these files with flipped bytes (the tree still lists the true hashes). */
  corrupt?: Set<string>;
  /** Answer Range requests with 200 and the whole file. */
  ignoreRange?: boolean;
  /** Answer requests for a file with this status, `times` times (default once). */
  status?: { file: string; code: number; times?: number };
  /** Extra raw entries appended to every tree listing (e.g. a path outside the folder). */
  extraTree?: unknown[];
  /** Answer requests for a file with a 302 to this Location (times default: always). */
  redirect?: { file: string; location: string };
  /** Stream a JSON body that never ends, as fast as the client reads it. */
  endlessJson?: 'tree' | 'revision';
  /**
   * Send the headers and the first `afterBytes` body bytes, then one byte every `intervalMs`
   * (0: nothing more, ever), `times` times (default once). JSON targets drip spaces.
   */
  drip?: { target: 'tree' | 'revision' | (string & {}); afterBytes: number; intervalMs: number; times?: number };
  /** "loop": every page links to itself; "endless": a new empty page after the last, forever. */
  pages?: 'loop' | 'endless';
}

interface RepoFile {
  content: Buffer;
  sha256: string;
  lfs: boolean;
}

interface Repo {
  commit: string;
  files: Map<string, RepoFile>;
}

export interface FakeHubOptions {
  /** 302 LFS files from /resolve/ to /cdn/<sha256>, as huggingface.co does. */
  redirectLfs?: boolean;
  /** Tree entries per page (default: all in one page). */
  pageSize?: number;
}

/** Files stored in LFS on the real hub: graphs, weights, and anything large. */
function isLfs(file: string, size: number): boolean {
  return /\.(onnx|onnx_data|armnn|bin)$/.test(file) || size > 10_000;
}

function gitBlobId(content: Buffer): string {
  return crypto.createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Every file under `dir`, keyed by its "/"-separated relative path. */
export function readTree(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (rel: string) => {
    for (const item of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(dir, child));
    }
  };
  walk('');
  return out;
}

export class FakeHub {
  readonly requests: RequestRecord[] = [];
  faults: Faults = {};
  private readonly repos = new Map<string, Repo>();
  private readonly sockets = new Set<import('node:net').Socket>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly options: FakeHubOptions,
  ) {}

  static async start(options: FakeHubOptions = {}): Promise<FakeHub> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const hub = new FakeHub(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => hub.handle(req, res));
    server.on('connection', (socket) => {
      hub.sockets.add(socket);
      socket.on('close', () => hub.sockets.delete(socket));
    });
    return hub;
  }

  /** Publishes a repository (a new commit each time it is called for the same name). */
  addRepo(name: string, files: Record<string, Buffer>): string {
    const map = new Map<string, RepoFile>();
    const commitHash = crypto.createHash('sha1').update(name);
    for (const [file, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
      const sha256 = crypto.createHash('sha256').update(content).digest('hex');
      map.set(file, { content, sha256, lfs: isLfs(file, content.length) });
      commitHash.update(file).update(sha256);
    }
    const commit = commitHash.update(String(this.repos.size)).digest('hex');
    this.repos.set(name, { commit, files: map });
    return commit;
  }

  /** Body bytes served for one repository file, over all requests (resolve and cdn). */
  bytesServed(file: string): number {
    return this.requests.filter((r) => r.file === file).reduce((sum, r) => sum + r.bytes, 0);
  }

  fileRequests(file: string): RequestRecord[] {
    return this.requests.filter((r) => r.file === file && (r.kind === 'resolve' || r.kind === 'cdn') && r.status !== 302);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const record: RequestRecord = { kind: 'other', url: url.pathname + url.search, status: 0, bytes: 0 };
    if (typeof req.headers.range === 'string') record.range = req.headers.range;
    this.requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };

    // /api/models/{owner}/{name}/revision/{rev} and /api/models/{owner}/{name}/tree/{rev}
    if (parts[0] === 'api' && parts[1] === 'models' && parts.length >= 6) {
      const repo = this.repos.get(`${parts[2]}/${parts[3]}`);
      const rev = parts[5]!;
      record.kind = parts[4]!;
      if (!repo || (rev !== 'main' && rev !== repo.commit)) return reply(404, { error: 'Repository or revision not found' });
      if (this.faults.endlessJson === parts[4]) return this.endless(res, record);
      const body = parts[4] === 'revision' ? { id: `${parts[2]}/${parts[3]}`, sha: repo.commit } : undefined;
      if (this.dripping(parts[4]!)) return this.drip(res, record, Buffer.from(JSON.stringify(body ?? [])), ' ');
      if (body) return reply(200, body);
      if (parts[4] === 'tree') return this.tree(repo, url, reply);
      return reply(404, { error: 'not found' });
    }

    // /cdn/{sha256}: where LFS files are redirected to.
    if (parts[0] === 'cdn' && parts.length === 2) {
      record.kind = 'cdn';
      for (const repo of this.repos.values()) {
        for (const [file, entry] of repo.files) {
          if (entry.sha256 === parts[1]) {
            record.file = file;
            return this.serveFile(file, entry, req, res, record);
          }
        }
      }
      return reply(404, { error: 'no such object' });
    }

    // /{owner}/{name}/resolve/{rev}/{path...}
    if (parts.length >= 5 && parts[2] === 'resolve') {
      record.kind = 'resolve';
      const repo = this.repos.get(`${parts[0]}/${parts[1]}`);
      const rev = parts[3]!;
      const file = parts.slice(4).join('/');
      record.file = file;
      const entry = repo?.files.get(file);
      if (!repo || !entry || (rev !== 'main' && rev !== repo.commit)) return reply(404, { error: 'Entry not found' });
      const status = this.faults.status;
      if (status && status.file === file && (status.times ?? 1) > 0) {
        status.times = (status.times ?? 1) - 1;
        return reply(status.code, { error: 'injected' });
      }
      if (this.faults.redirect?.file === file) {
        record.status = 302;
        res.writeHead(302, { location: this.faults.redirect.location });
        return void res.end();
      }
      if (entry.lfs && this.options.redirectLfs) {
        record.status = 302;
        res.writeHead(302, { location: `/cdn/${entry.sha256}` });
        return void res.end();
      }
      return this.serveFile(file, entry, req, res, record);
    }
    reply(404, { error: 'not found' });
  }

  private tree(repo: Repo, url: URL, reply: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    const entries: unknown[] = [];
    const dirs = new Set<string>();
    for (const [file, entry] of repo.files) {
      const segments = file.split('/');
      for (let i = 1; i < segments.length; i++) {
        const dir = segments.slice(0, i).join('/');
        if (!dirs.has(dir)) {
          dirs.add(dir);
          entries.push({ type: 'directory', oid: gitBlobId(Buffer.from(dir)), size: 0, path: dir });
        }
      }
      if (entry.lfs) {
        const pointer = Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${entry.sha256}\nsize ${entry.content.length}\n`);
        entries.push({
          type: 'file',
          oid: gitBlobId(pointer),
          size: entry.content.length,
          lfs: { oid: entry.sha256, size: entry.content.length, pointerSize: pointer.length },
          path: file,
        });
      } else {
        entries.push({ type: 'file', oid: gitBlobId(entry.content), size: entry.content.length, path: file });
      }
    }
    const pageSize = this.options.pageSize ?? entries.length;
    const cursor = Number(url.searchParams.get('cursor') ?? 0);
    const page = entries.slice(cursor, cursor + pageSize);
    const headers: Record<string, string> = {};
    if (cursor === 0) page.push(...(this.faults.extraTree ?? []));
    if (this.faults.pages === 'loop') {
      headers.link = `<${url.href}>; rel="next"`;
    } else if (cursor + pageSize < entries.length || this.faults.pages === 'endless') {
      const next = new URL(url.href);
      next.searchParams.set('cursor', String(cursor + pageSize));
      headers.link = `<${next.href}>; rel="next"`;
    }
    reply(200, page, headers);
  }

  private dripping(target: string): boolean {
    const drip = this.faults.drip;
    if (!drip || drip.target !== target || (drip.times ?? 1) <= 0) return false;
    drip.times = (drip.times ?? 1) - 1;
    return true;
  }

  /** Headers, `afterBytes` of `body`, then `filler` (or the body's next bytes) one byte at a time. */
  private drip(res: http.ServerResponse, record: RequestRecord, body: Buffer, filler?: string, status = 200, headers: Record<string, string | number> = {}): void {
    const { afterBytes, intervalMs } = this.faults.drip!;
    record.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    let sent = Math.min(afterBytes, filler ? body.length - 1 : body.length);
    res.write(body.subarray(0, sent));
    record.bytes = sent;
    if (intervalMs <= 0) return; // stalls until the client gives up
    const timer = setInterval(() => {
      if (res.destroyed || (!filler && sent >= body.length)) return clearInterval(timer);
      res.write(filler ?? body.subarray(sent, sent + 1));
      if (!filler) sent++;
      record.bytes++;
    }, intervalMs);
    res.on('close', () => clearInterval(timer));
  }

  /** A JSON array that never closes, written as fast as the socket drains. */
  private endless(res: http.ServerResponse, record: RequestRecord): void {
    record.status = 200;
    res.writeHead(200, { 'content-type': 'application/json' });
    const entry = Buffer.from(`${JSON.stringify({ type: 'file', path: 'x', size: 1, oid: '0'.repeat(40) })},`.repeat(1000));
    res.write('[');
    const pump = () => {
      while (!res.destroyed) {
        record.bytes += entry.length;
        if (!res.write(entry)) return void res.once('drain', pump);
      }
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  }

  private serveFile(file: string, entry: RepoFile, req: http.IncomingMessage, res: http.ServerResponse, record: RequestRecord): void {
    let body = entry.content;
    if (this.faults.corrupt?.has(file)) {
      body = Buffer.from(body);
      body[Math.floor(body.length / 2)]! ^= 0xff;
    }
    const total = body.length;
    let status = 200;
    const headers: Record<string, string | number> = { 'accept-ranges': 'bytes', etag: `"${entry.sha256}"`, 'content-type': 'application/octet-stream' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range && !this.faults.ignoreRange) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
      if (start >= total) {
        record.status = 416;
        res.writeHead(416, { 'content-range': `bytes */${total}` });
        return void res.end();
      }
      body = body.subarray(start, end + 1);
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${total}`;
    }
    headers['content-length'] = body.length;
    if (this.dripping(file)) return this.drip(res, record, body, undefined, status, headers);
    record.status = status;
    res.writeHead(status, headers);

    const drop = this.faults.drop;
    if (drop && drop.file === file && (drop.times ?? 1) > 0) {
      drop.times = (drop.times ?? 1) - 1;
      const cut = body.subarray(0, Math.min(drop.afterBytes, body.length));
      record.bytes = cut.length;
      res.flushHeaders();
      res.write(cut, () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    record.bytes = body.length;
    res.end(body);
  }
}
