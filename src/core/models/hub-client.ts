// The few Hugging Face Hub endpoints a download needs, against huggingface.co or any mirror
// that speaks the same API: pin a revision to its commit, list the files at that commit (with
// their sizes and hashes), and build the URL a file is fetched from.
//
// A mirror is whatever SHOEBOX_HF_ENDPOINT / HF_ENDPOINT / --endpoint names, so it may be
// hostile or broken. Nothing it sends is trusted to be small, prompt or well-formed: JSON
// answers are read up to a size limit, every request gives up when no data arrives for a
// while (JSON answers also have a deadline), pagination has a page limit and may not repeat a
// page, redirects are followed by hand and only to http(s), and every listed path must name a
// file inside the model folder (repo-path.ts).
import { ModelError } from './model-error';
import { unsafeRepoPathReason } from './repo-path';
import { VERSION } from '../version';
import { jsonSyntaxText } from '../../shared/json-syntax-text';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

export const USER_AGENT = `shoebox/${VERSION}`;

/** One file at a commit, as the hub publishes it. */
export interface HubFile {
  path: string;
  size: number;
  /** Git blob id (SHA-1 of "blob <size>\0" + content); for LFS files, of the pointer. */
  oid: string;
  /** For LFS (and Xet) files: SHA-256 of the content. */
  lfs?: { sha256: string; size: number };
}

export type FetchLike = typeof globalThis.fetch;

/** What a hub may cost us; tests inject small values. */
export interface HubLimits {
  /** Give up on a request when no data arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** A JSON answer must be complete within this (default 120 s), however it trickles in. */
  jsonTimeoutMs?: number;
  /** Bytes of one JSON answer, and of all pages of a file listing together (default 16 MiB). */
  maxJsonBytes?: number;
  /** Pages of one file listing (default 1000). */
  maxListingPages?: number;
  /** Redirects followed for one request (default 10). */
  maxRedirects?: number;
}

const DEFAULT_LIMITS: Required<HubLimits> = {
  idleTimeoutMs: 60_000,
  jsonTimeoutMs: 120_000,
  maxJsonBytes: 16 * 1024 * 1024,
  maxListingPages: 1000,
  maxRedirects: 10,
};

/**
 * Aborts a request when it goes quiet for `idleMs` (kick() on every sign of life), or when
 * the optional deadline passes; `reason` says which fired, so the error can say so.
 */
export class Watchdog {
  readonly signal: AbortSignal;
  reason: 'idle' | 'deadline' | undefined;
  private readonly controller = new AbortController();
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly deadlineTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly idleMs: number,
    parent?: AbortSignal,
    deadlineMs?: number,
  ) {
    this.signal = parent ? AbortSignal.any([parent, this.controller.signal]) : this.controller.signal;
    this.kick();
    if (deadlineMs !== undefined) this.deadlineTimer = setTimeout(() => this.fire('deadline'), deadlineMs).unref();
  }

  kick(): void {
    clearTimeout(this.idleTimer);
    if (!this.reason) this.idleTimer = setTimeout(() => this.fire('idle'), this.idleMs).unref();
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.deadlineTimer);
  }

  private fire(reason: 'idle' | 'deadline'): void {
    if (this.reason) return;
    this.reason = reason;
    this.dispose();
    this.controller.abort(new Error(`request ${reason === 'idle' ? 'stalled' : 'took too long'}`));
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The hub to talk to: an explicit option, else SHOEBOX_HF_ENDPOINT, else HF_ENDPOINT, else huggingface.co. */
export function resolveEndpoint(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  // An option given empty (`--endpoint ""`) is a mistake, not "use the default": refused, as
  // falling back to huggingface.co would fail where no network reaches it, naming the wrong hub.
  // (An empty variable reads as unset, as shells treat one.)
  const [raw, source] = explicit !== undefined ? [explicit, '--endpoint'] : env.SHOEBOX_HF_ENDPOINT ? [env.SHOEBOX_HF_ENDPOINT, 'SHOEBOX_HF_ENDPOINT'] : env.HF_ENDPOINT ? [env.HF_ENDPOINT, 'HF_ENDPOINT'] : [DEFAULT_HF_ENDPOINT, 'the default hub'];
  if (raw.trim() === '') throw new ModelError('bad-endpoint', `${source} is empty: give a hub URL (e.g. ${DEFAULT_HF_ENDPOINT}), or leave it out for the default`);
  // What follows `?` or `#` may be a token: never quoted back, whatever else is wrong.
  const shown = quotable(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ModelError('bad-endpoint', `${source}: "${shown}" is not a valid hub URL (expected e.g. ${DEFAULT_HF_ENDPOINT})`);
  }
  // Never quoted back: the URL is printed in messages and kept in the install's record.
  if (url.username || url.password) {
    throw new ModelError('bad-endpoint', `${source}: a hub URL takes no user name or password (${url.protocol}//${url.host}/…); Shoebox downloads public models only`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ModelError('bad-endpoint', `${source}: "${shown}" is not an http(s) URL (expected e.g. ${DEFAULT_HF_ENDPOINT})`);
  }
  // The API's paths are appended to the URL, so a query or fragment would end up in front of
  // them (".../?token=X/api/models/..."): a plain base URL only. (href keeps a bare "?" or "#".)
  if (/[?#]/.test(url.href)) {
    throw new ModelError('bad-endpoint', `${source}: a hub URL takes no query or fragment (${url.protocol}//${url.host}${url.pathname}…); give the hub's base URL, e.g. ${DEFAULT_HF_ENDPOINT}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `raw` up to its first `?` or `#`, with "…" where something was cut, and no user name or
 *  password (a URL too broken to parse may still hold them). */
function quotable(raw: string): string {
  const cut = raw.search(/[?#]/);
  const head = cut < 0 ? raw : `${raw.slice(0, cut)}…`;
  return head.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/]*@/, '$1…@');
}

function encodeRepo(repo: string): string {
  return repo.split('/').map(encodeURIComponent).join('/');
}

function encodePath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}

export class HubClient {
  readonly limits: Required<HubLimits>;

  constructor(
    readonly endpoint: string,
    private readonly fetchImpl: FetchLike = globalThis.fetch,
    limits: HubLimits = {},
  ) {
    const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
    this.limits = { ...DEFAULT_LIMITS, ...defined };
  }

  /** Where a file's bytes are served (the hub may redirect to a CDN). */
  fileUrl(repo: string, revision: string, filePath: string): string {
    return `${this.endpoint}/${encodeRepo(repo)}/resolve/${encodeURIComponent(revision)}/${encodePath(filePath)}`;
  }

  /** Pins a branch or tag to its commit, so every file of one download comes from one commit. */
  async resolveCommit(repo: string, revision: string, signal?: AbortSignal): Promise<string> {
    const url = `${this.endpoint}/api/models/${encodeRepo(repo)}/revision/${encodeURIComponent(revision)}`;
    const body = await this.getJson(url, `${repo}@${revision}`, this.limits.maxJsonBytes, 'answer', signal);
    const sha = (body.json as { sha?: unknown } | null)?.sha;
    // A mirror that does not report the commit still serves the revision by name.
    return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : revision;
  }

  /**
   * Every file at `revision`, following the hub's pagination (Link: <...>; rel="next"), within
   * the page and size limits. A listed path that could leave the model folder fails the listing.
   */
  async listFiles(repo: string, revision: string, signal?: AbortSignal): Promise<HubFile[]> {
    const files: HubFile[] = [];
    const seen = new Set<string>();
    let budget = this.limits.maxJsonBytes;
    let next: string | undefined = `${this.endpoint}/api/models/${encodeRepo(repo)}/tree/${encodeURIComponent(revision)}?recursive=true`;
    while (next) {
      if (seen.has(next)) throw new ModelError('hub', `${next}: the file listing links back to a page it already sent; refusing it`);
      if (seen.size >= this.limits.maxListingPages) {
        throw new ModelError('hub', `${next}: the file listing runs past ${this.limits.maxListingPages} pages; refusing it`);
      }
      seen.add(next);
      const { json, link, bytes } = await this.getJson(next, `${repo}@${revision}`, budget, 'file listing', signal);
      budget -= bytes;
      if (!Array.isArray(json)) throw new ModelError('hub', `${next}: expected a JSON array of files`);
      for (const item of json) {
        const file = toHubFile(item);
        if (!file) continue;
        const unsafe = unsafeRepoPathReason(file.path);
        if (unsafe) {
          throw new ModelError(
            'hub',
            `${this.endpoint}: the file listing of ${repo}@${revision} holds an unsafe path ${JSON.stringify(file.path)} (${unsafe}); refusing this hub's listing`,
          );
        }
        files.push(file);
      }
      next = nextLink(link, next);
    }
    return files;
  }

  /**
   * Fetches `url`, following up to maxRedirects redirects to http(s) URLs only. A redirect
   * elsewhere (file:, data:, ...) or too many of them fail with a ModelError: retrying cannot
   * help. Other fetch failures are thrown as they are, for the caller to word.
   */
  async open(url: string, what: string, headers: Record<string, string>, watchdog: Watchdog): Promise<Response> {
    let current = url;
    for (let hops = 0; ; hops++) {
      const res = await this.fetchImpl(current, { headers: { 'user-agent': USER_AGENT, ...headers }, signal: watchdog.signal, redirect: 'manual' });
      const location = res.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(res.status) || location === null) return res;
      await res.body?.cancel().catch(() => {});
      if (hops >= this.limits.maxRedirects) throw new ModelError('hub', `${what}: more than ${this.limits.maxRedirects} redirects; refusing them`);
      let target: URL;
      try {
        target = new URL(location, current);
      } catch {
        throw new ModelError('hub', `${what}: the hub redirected to an invalid address ${JSON.stringify(location)}; refusing it`);
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new ModelError('hub', `${what}: the hub redirected to ${JSON.stringify(target.href)}, which is not http(s); refusing it`);
      }
      current = target.href;
      watchdog.kick();
    }
  }

  /** The one-line error for a request that failed before or while its body arrived. */
  failure(err: unknown, url: string, watchdog: Watchdog, signal?: AbortSignal): ModelError {
    if (err instanceof ModelError) return err;
    if (signal?.aborted) return new ModelError('cancelled', 'download cancelled');
    if (watchdog.reason === 'idle') return new ModelError('hub', `${url}: no data for ${seconds(this.limits.idleTimeoutMs)}; the hub stalled`);
    if (watchdog.reason === 'deadline') return new ModelError('hub', `${url}: no complete answer within ${seconds(this.limits.jsonTimeoutMs)}; the hub is too slow`);
    return networkError(err, this.endpoint, signal);
  }

  private async getJson(url: string, what: string, maxBytes: number, kind: string, signal?: AbortSignal): Promise<{ json: unknown; link: string | null; bytes: number }> {
    const watchdog = new Watchdog(this.limits.idleTimeoutMs, signal, this.limits.jsonTimeoutMs);
    const tooLarge = () => new ModelError('hub', `${url}: the ${kind} is larger than ${formatMB(this.limits.maxJsonBytes)}; refusing it`);
    try {
      let res: Response;
      try {
        res = await this.open(url, url, { accept: 'application/json' }, watchdog);
      } catch (err) {
        throw this.failure(err, url, watchdog, signal);
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw httpError(res.status, url, what);
      }
      if (Number(res.headers.get('content-length')) > maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (err) {
            throw this.failure(err, url, watchdog, signal);
          }
          if (chunk.done) break;
          watchdog.kick();
          bytes += chunk.value.length;
          if (bytes > maxBytes) {
            await reader.cancel().catch(() => {});
            throw tooLarge();
          }
          chunks.push(chunk.value);
        }
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new ModelError('hub', `${url}: not valid JSON (${jsonSyntaxText(text, err)})`);
      }
      return { json, link: res.headers.get('link'), bytes };
    } finally {
      watchdog.dispose();
    }
  }
}

function toHubFile(item: unknown): HubFile | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const entry = item as { type?: unknown; path?: unknown; size?: unknown; oid?: unknown; lfs?: unknown };
  if (entry.type !== 'file' || typeof entry.path !== 'string' || !isByteCount(entry.size) || typeof entry.oid !== 'string') {
    return undefined;
  }
  const file: HubFile = { path: entry.path, size: entry.size, oid: entry.oid };
  const lfs = entry.lfs as { oid?: unknown; size?: unknown } | undefined;
  if (lfs && typeof lfs.oid === 'string' && isByteCount(lfs.size)) {
    file.lfs = { sha256: lfs.oid.replace(/^sha256:/, ''), size: lfs.size };
  }
  return file;
}

function isByteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function nextLink(link: string | null, current: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return new URL(match[1], current).href;
  }
  return undefined;
}

export function httpError(status: number, url: string, what: string): ModelError {
  if (status === 401 || status === 403) return new ModelError('hub', `${url}: HTTP ${status}; ${what} is private or gated, or the mirror refuses it`);
  if (status === 404) return new ModelError('hub', `${url}: HTTP 404; ${what} was not found`);
  return new ModelError('hub', `${url}: HTTP ${status}`);
}

export function networkError(err: unknown, endpoint: string, signal?: AbortSignal): ModelError {
  if (signal?.aborted) return new ModelError('cancelled', 'download cancelled');
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (err as Error).message;
  return new ModelError('hub', `cannot reach ${endpoint} (${detail}); ${unreachableHint(endpoint)}`);
}

/**
 * What to try when the hub cannot be reached: a mirror is the way round huggingface.co, but
 * one given already (--endpoint, SHOEBOX_HF_ENDPOINT, HF_ENDPOINT) is the thing that is down,
 * and advice to set the variable it came from would send the user in a circle.
 */
function unreachableHint(endpoint: string): string {
  if (endpoint === DEFAULT_HF_ENDPOINT) return 'check the connection, or set SHOEBOX_HF_ENDPOINT to a mirror';
  return `check the connection and that the mirror ${endpoint} is running and its address is right`;
}
