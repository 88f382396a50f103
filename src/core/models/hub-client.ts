// The few Hugging Face Hub endpoints a download needs, against huggingface.co or any mirror
// that speaks the same API: pin a revision to its commit, list the files at that commit (with
// their sizes and hashes), and build the URL a file is fetched from.
import { ModelError } from './model-error';
import { VERSION } from '../version';

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

/** The hub to talk to: an explicit option, else SHOEBOX_HF_ENDPOINT, else HF_ENDPOINT, else huggingface.co. */
export function resolveEndpoint(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = explicit || env.SHOEBOX_HF_ENDPOINT || env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ModelError('hub', `"${raw}" is not a valid hub URL (expected e.g. ${DEFAULT_HF_ENDPOINT})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ModelError('hub', `"${raw}" is not an http(s) URL`);
  }
  return url.href.replace(/\/+$/, '');
}

function encodeRepo(repo: string): string {
  return repo.split('/').map(encodeURIComponent).join('/');
}

function encodePath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}

export class HubClient {
  constructor(
    readonly endpoint: string,
    private readonly fetchImpl: FetchLike = globalThis.fetch,
  ) {}

  /** Where a file's bytes are served (the hub may redirect to a CDN). */
  fileUrl(repo: string, revision: string, filePath: string): string {
    return `${this.endpoint}/${encodeRepo(repo)}/resolve/${encodeURIComponent(revision)}/${encodePath(filePath)}`;
  }

  /** Pins a branch or tag to its commit, so every file of one download comes from one commit. */
  async resolveCommit(repo: string, revision: string, signal?: AbortSignal): Promise<string> {
    const url = `${this.endpoint}/api/models/${encodeRepo(repo)}/revision/${encodeURIComponent(revision)}`;
    const body = await this.getJson(url, `${repo}@${revision}`, signal);
    const sha = (body.json as { sha?: unknown } | null)?.sha;
    // A mirror that does not report the commit still serves the revision by name.
    return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : revision;
  }

  /** Every file at `revision`, following the hub's pagination (Link: <...>; rel="next"). */
  async listFiles(repo: string, revision: string, signal?: AbortSignal): Promise<HubFile[]> {
    const files: HubFile[] = [];
    let next: string | undefined = `${this.endpoint}/api/models/${encodeRepo(repo)}/tree/${encodeURIComponent(revision)}?recursive=true`;
    while (next) {
      const { json, link } = await this.getJson(next, `${repo}@${revision}`, signal);
      if (!Array.isArray(json)) throw new ModelError('hub', `${next}: expected a JSON array of files`);
      for (const item of json) {
        const file = toHubFile(item);
        if (file) files.push(file);
      }
      next = nextLink(link, next);
    }
    return files;
  }

  private async getJson(url: string, what: string, signal?: AbortSignal): Promise<{ json: unknown; link: string | null }> {
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { accept: 'application/json', 'user-agent': USER_AGENT }, signal });
    } catch (err) {
      throw networkError(err, this.endpoint, signal);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw httpError(res.status, url, what);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      throw new ModelError('hub', `${url}: not valid JSON (${(err as Error).message})`);
    }
    return { json, link: res.headers.get('link') };
  }
}

function toHubFile(item: unknown): HubFile | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const entry = item as { type?: unknown; path?: unknown; size?: unknown; oid?: unknown; lfs?: unknown };
  if (entry.type !== 'file' || typeof entry.path !== 'string' || typeof entry.size !== 'number' || typeof entry.oid !== 'string') {
    return undefined;
  }
  const file: HubFile = { path: entry.path, size: entry.size, oid: entry.oid };
  const lfs = entry.lfs as { oid?: unknown; size?: unknown } | undefined;
  if (lfs && typeof lfs.oid === 'string' && typeof lfs.size === 'number') {
    file.lfs = { sha256: lfs.oid.replace(/^sha256:/, ''), size: lfs.size };
  }
  return file;
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
  return new ModelError('hub', `cannot reach ${endpoint} (${detail}); check the connection, or set SHOEBOX_HF_ENDPOINT to a mirror`);
}
