// Downloads chosen files of a Hugging Face repository into a folder, the way a flaky network
// and a crash-prone laptop need:
// - the revision is pinned to one commit first, so every file comes from the same commit;
// - each file streams to "<path>.part"; a re-run (or a retry after a dropped connection)
//   continues from the last byte on disk with an HTTP Range request, and restarts the file
//   when a server ignores Range (200) or cannot satisfy it (416);
// - every file is checked against what the hub publishes (SHA-256 for LFS files, the git blob
//   id and size for the rest); a mismatch deletes the bad copy and fails naming the file;
// - after the engine's files, the .onnx graphs are read for the external-data files they
//   reference, and exactly those are fetched too;
// - every path the hub names (listing, the state file of an earlier run, external data) is
//   checked to stay inside the folder before anything is read, written or deleted by it, and
//   a request that goes quiet is abandoned (and retried) after the idle timeout (hub-client.ts).
// Publishing the folder as an installed model is the caller's job (model-manager.ts).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HubClient, Watchdog, httpError, networkError, type FetchLike, type HubFile, type HubLimits } from './hub-client';
import { FileHasher, hashFileInto } from './file-hash';
import { externalDataLocations } from './onnx-external-data';
import { ModelError } from './model-error';
import { pathInside } from './repo-path';

export interface DownloadProgress {
  /** The file the latest bytes belong to. */
  file: string;
  bytesDone: number;
  /** Grows once when a graph turns out to keep its weights in external-data files. */
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

export interface DownloadOptions extends HubLimits {
  /** Hub base URL, e.g. https://huggingface.co or a mirror. */
  endpoint: string;
  fetch?: FetchLike;
  repo: string;
  revision: string;
  /** Repository paths to fetch; .onnx files among them also bring their external data. */
  files: readonly string[];
  /** Destination folder; "<path>.part" files in it are resumed. */
  dir: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Retries per file after a dropped connection or a 5xx/429 answer (default 5). */
  retries?: number;
  /** First retry delay; doubles each time (default 1000 ms). */
  retryDelayMs?: number;
  /** Files fetched at once (default 4). */
  concurrency?: number;
}

export interface DownloadedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface DownloadResult {
  repo: string;
  revision: string;
  /** The commit every file came from (the revision itself if the hub did not report one). */
  commit: string;
  files: DownloadedFile[];
  bytes: number;
}

/** Remembers which commit the files in a half-finished download folder belong to. */
export const DOWNLOAD_STATE_FILE = '.shoebox-download.json';

interface DownloadState {
  repo: string;
  commit: string;
  /** Path -> what identifies its content at that commit (SHA-256 or git blob id). */
  expected: Record<string, string>;
}

/** A failure worth retrying: the connection dropped, or the server was briefly unwell. */
class TransientError extends Error {}

export async function downloadRepoFiles(options: DownloadOptions): Promise<DownloadResult> {
  const client = new HubClient(options.endpoint, options.fetch, options);
  const { repo, revision, dir, signal } = options;
  const commit = await client.resolveCommit(repo, revision, signal);
  const listing = await client.listFiles(repo, commit, signal);
  const byPath = new Map(listing.map((file) => [file.path, file]));

  const wanted = options.files.map((file) => {
    const entry = byPath.get(file);
    if (!entry) throw new ModelError('invalid-model', `${repo}@${revision} has no ${file}, which the engine needs`);
    return entry;
  });

  fs.mkdirSync(dir, { recursive: true });
  forgetStaleFiles(dir, repo, commit, listing);

  const run = new DownloadRun(client, options, commit);
  ensureSpace(dir, run.remaining(wanted));
  run.plan(wanted);
  await run.fetchAll(wanted);

  // Only now can the graphs be read: their external data is whatever they reference.
  const fetched = new Set(wanted.map((entry) => entry.path));
  const external: HubFile[] = [];
  for (const entry of wanted) {
    if (!entry.path.endsWith('.onnx')) continue;
    for (const location of externalDataLocations(localPath(dir, entry.path))) {
      const repoPath = path.posix.join(path.posix.dirname(entry.path), location);
      if (fetched.has(repoPath)) continue;
      const file = byPath.get(repoPath);
      if (!file) {
        throw new ModelError('invalid-model', `${repo}@${revision}: ${entry.path} needs external data "${location}", which the repository does not hold`);
      }
      fetched.add(repoPath);
      external.push(file);
    }
  }
  if (external.length > 0) {
    ensureSpace(dir, run.remaining(external));
    run.plan(external);
    await run.fetchAll(external);
  }

  removeStrays(dir, fetched);
  fs.rmSync(path.join(dir, DOWNLOAD_STATE_FILE), { force: true });
  const files = run.results().sort((a, b) => a.path.localeCompare(b.path));
  return { repo, revision, commit, files, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

/** Fails before a long download that could not fit on the disk. */
function ensureSpace(dir: string, bytes: number): void {
  let free: number;
  try {
    const stats = fs.statfsSync(dir);
    free = stats.bavail * stats.bsize;
  } catch {
    return; // not every platform or file system reports it
  }
  // Keep a little room for the rest of the system.
  if (bytes + 64 * 1024 * 1024 > free) {
    throw new ModelError('no-space', `not enough disk space in ${dir}: the download needs ${formatMB(bytes)}, ${formatMB(free)} is free`);
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Where a hub path lives in the folder; listings are checked already, this is the last guard. */
function localPath(dir: string, repoPath: string): string {
  const local = pathInside(dir, repoPath);
  if (!local) throw new ModelError('hub', `${JSON.stringify(repoPath)} would be outside ${dir}; refusing it`);
  return local;
}

function expectedId(entry: HubFile): string {
  return entry.lfs ? `sha256:${entry.lfs.sha256}` : `blob:${entry.oid}`;
}

/**
 * A folder left by an earlier run may hold files of another commit (the branch moved since):
 * drop those whose content changed, so they are not resumed into a mismatch.
 */
function forgetStaleFiles(dir: string, repo: string, commit: string, listing: HubFile[]): void {
  const statePath = path.join(dir, DOWNLOAD_STATE_FILE);
  const expected: Record<string, string> = {};
  for (const entry of listing) expected[entry.path] = expectedId(entry);
  let previous: DownloadState | undefined;
  try {
    previous = JSON.parse(fs.readFileSync(statePath, 'utf8')) as DownloadState;
  } catch {
    previous = undefined;
  }
  if (previous && (previous.repo !== repo || typeof previous.expected !== 'object' || previous.expected === null)) {
    // Another repository under the same id: nothing in the folder is ours.
    for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  } else if (previous && previous.commit !== commit) {
    for (const [file, id] of Object.entries(previous.expected)) {
      if (expected[file] === id) continue;
      // The state on disk holds an earlier listing, maybe from a hostile mirror or an older
      // Shoebox that did not check listings: a path outside the folder is never deleted.
      const local = pathInside(dir, file);
      if (!local) continue;
      fs.rmSync(local, { force: true });
      fs.rmSync(`${local}.part`, { force: true });
    }
  }
  const state: DownloadState = { repo, commit, expected };
  fs.writeFileSync(statePath, JSON.stringify(state));
}

/** Leaves only the fetched files in the folder (no stray .part files or leftovers). */
function removeStrays(dir: string, keep: Set<string>, prefix = ''): void {
  for (const item of fs.readdirSync(path.join(dir, ...prefix.split('/').filter(Boolean)), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) removeStrays(dir, keep, rel);
    else if (!keep.has(rel) && rel !== DOWNLOAD_STATE_FILE) fs.rmSync(path.join(dir, ...rel.split('/')), { force: true });
  }
}

class DownloadRun {
  private readonly done = new Map<string, number>();
  private bytesDone = 0;
  private readonly sizes = new Map<string, number>();
  private readonly finished: DownloadedFile[] = [];
  private bytesTotal = 0;
  private filesDone = 0;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly client: HubClient,
    private readonly options: DownloadOptions,
    private readonly commit: string,
  ) {
    this.retries = options.retries ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  plan(entries: HubFile[]): void {
    for (const entry of entries) {
      const size = sizeOf(entry);
      this.sizes.set(entry.path, size);
      this.done.set(entry.path, 0);
      this.bytesTotal += size;
    }
  }

  results(): DownloadedFile[] {
    return [...this.finished];
  }

  /** Fetches entries a few at a time; the first failure stops the others (their .part files stay). */
  async fetchAll(entries: HubFile[]): Promise<void> {
    const stop = new AbortController();
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, stop.signal]) : stop.signal;
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async (): Promise<void> => {
      while (!failure && next < entries.length) {
        const entry = entries[next++]!;
        try {
          await this.fetchFile(entry, signal);
        } catch (error) {
          if (!failure) {
            failure = { error };
            stop.abort();
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, entries.length) }, worker));
    if (failure) {
      if (this.options.signal?.aborted) throw cancelled();
      throw failure.error;
    }
  }

  /** Bytes still to fetch for these entries, counting what earlier runs left on disk. */
  remaining(entries: HubFile[]): number {
    let bytes = 0;
    for (const entry of entries) {
      const target = localPath(this.options.dir, entry.path);
      if (fs.existsSync(target)) continue;
      bytes += Math.max(0, sizeOf(entry) - fileSize(`${target}.part`));
    }
    return bytes;
  }

  private setDone(file: string, bytes: number): void {
    this.bytesDone += bytes - (this.done.get(file) ?? 0);
    this.done.set(file, bytes);
    this.options.onProgress?.({ file, bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, filesDone: this.filesDone, filesTotal: this.sizes.size });
  }

  private async fetchFile(entry: HubFile, signal: AbortSignal): Promise<void> {
    const target = localPath(this.options.dir, entry.path);
    const part = `${target}.part`;
    fs.mkdirSync(path.dirname(target), { recursive: true });

    // Finished and verified by an earlier run: check it again, it is cheap next to a download.
    if (fs.existsSync(target)) {
      const hasher = hasherFor(entry);
      await hashFileInto(target, hasher, signal);
      if (fs.statSync(target).size === sizeOf(entry) && !mismatch(entry, hasher)) {
        this.complete(entry, hasher);
        return;
      }
      fs.rmSync(target, { force: true });
    }

    let hasher: FileHasher;
    for (let attempt = 0; ; attempt++) {
      try {
        hasher = await this.transfer(entry, part, signal);
        break;
      } catch (err) {
        if (signal.aborted) throw cancelled();
        if (!(err instanceof TransientError)) throw err;
        if (attempt >= this.retries) {
          throw new ModelError('hub', `${entry.path}: download failed after ${attempt + 1} attempts (${err.message}); install again to resume`);
        }
        await sleep(this.retryDelayMs * 2 ** attempt, undefined, { signal }).catch(() => {});
        if (signal.aborted) throw cancelled();
      }
    }

    const bad = mismatch(entry, hasher);
    if (bad) {
      fs.rmSync(part, { force: true });
      this.setDone(entry.path, 0);
      throw new ModelError(
        'verify',
        `${entry.path}: downloaded bytes do not match the hub's ${bad.what} (expected ${bad.expected}, got ${bad.actual}); the bad copy was deleted`,
      );
    }
    fs.renameSync(part, target);
    this.complete(entry, hasher);
  }

  private complete(entry: HubFile, hasher: FileHasher): void {
    const size = sizeOf(entry);
    this.filesDone++;
    this.finished.push({ path: entry.path, size, sha256: hasher.digest().sha256 });
    this.setDone(entry.path, size);
  }

  /** Brings "<path>.part" to the full size, resuming from what is on disk; returns its hashes. */
  private async transfer(entry: HubFile, part: string, signal: AbortSignal): Promise<FileHasher> {
    const size = sizeOf(entry);
    let offset = fileSize(part);
    if (offset > size) {
      fs.rmSync(part, { force: true });
      offset = 0;
    }
    const hasher = hasherFor(entry);
    if (offset === size) {
      // Every byte arrived before a crash, but was never verified.
      await hashFileInto(part, hasher, signal);
      return hasher;
    }

    const url = this.client.fileUrl(this.options.repo, this.commit, entry.path);
    const watchdog = new Watchdog(this.client.limits.idleTimeoutMs, signal);
    try {
      return await this.receive(entry, part, url, offset, hasher, watchdog, signal);
    } finally {
      watchdog.dispose();
    }
  }

  private async receive(entry: HubFile, part: string, url: string, resumeAt: number, hasher: FileHasher, watchdog: Watchdog, signal: AbortSignal): Promise<FileHasher> {
    const size = sizeOf(entry);
    let offset = resumeAt;
    const stalled = () => `no data for ${Number((this.client.limits.idleTimeoutMs / 1000).toFixed(1))} s`;
    let res: Response;
    try {
      const headers: Record<string, string> = {};
      if (offset > 0) headers.range = `bytes=${offset}-`;
      res = await this.client.open(url, entry.path, headers, watchdog);
    } catch (err) {
      if (signal.aborted) throw cancelled();
      // A redirect to another scheme, or too many: retrying would only repeat it.
      if (err instanceof ModelError) throw err;
      if (watchdog.reason) throw new TransientError(stalled());
      throw new TransientError(networkError(err, this.client.endpoint).message);
    }

    if (res.status === 416) {
      // The server cannot serve from our offset: start the file over.
      await discard(res);
      fs.rmSync(part, { force: true });
      throw new TransientError(`server refused to resume at byte ${offset}`);
    }
    if (res.status === 429 || res.status >= 500) {
      await discard(res);
      throw new TransientError(`HTTP ${res.status}`);
    }
    if (res.status !== 200 && res.status !== 206) {
      await discard(res);
      throw httpError(res.status, url, `${this.options.repo}/${entry.path}`);
    }
    if (res.status === 206) {
      const start = contentRangeStart(res.headers.get('content-range'));
      if (start !== offset) {
        await discard(res);
        fs.rmSync(part, { force: true });
        throw new TransientError(`server resumed at byte ${start ?? '?'} instead of ${offset}`);
      }
      if (offset > 0) await hashFileInto(part, hasher, signal);
      watchdog.kick(); // hashing what is on disk is no silence from the hub
    } else {
      // 200: the whole file, whatever we asked for (some servers ignore Range).
      offset = 0;
    }
    if (!res.body) throw new TransientError('empty response');

    const handle = await fsp.open(part, offset > 0 ? 'r+' : 'w');
    let position = offset;
    this.setDone(entry.path, position);
    try {
      const reader = res.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          if (signal.aborted) throw cancelled();
          if (watchdog.reason) throw new TransientError(`${stalled()} after ${position} of ${size} bytes`);
          throw new TransientError(`connection lost after ${position} of ${size} bytes (${describe(err)})`);
        }
        if (chunk.done) break;
        watchdog.kick();
        const bytes = chunk.value;
        if (position + bytes.length > size) {
          await reader.cancel().catch(() => {});
          await handle.close();
          fs.rmSync(part, { force: true });
          throw new ModelError('verify', `${entry.path}: the server sent more than the ${size} bytes the hub lists; the bad copy was deleted`);
        }
        await handle.write(bytes, 0, bytes.length, position);
        hasher.update(bytes);
        position += bytes.length;
        this.setDone(entry.path, position);
      }
      await handle.datasync();
    } finally {
      await handle.close().catch(() => {});
    }
    if (position < size) throw new TransientError(`connection closed after ${position} of ${size} bytes`);
    return hasher;
  }
}

function sizeOf(entry: HubFile): number {
  return entry.lfs?.size ?? entry.size;
}

function hasherFor(entry: HubFile): FileHasher {
  return new FileHasher(entry.lfs ? undefined : entry.size);
}

/** What does not match the hub's record, if anything. */
function mismatch(entry: HubFile, hasher: FileHasher): { what: string; expected: string; actual: string } | undefined {
  const digest = hasher.digest();
  if (entry.lfs) {
    return digest.sha256 === entry.lfs.sha256 ? undefined : { what: 'SHA-256', expected: entry.lfs.sha256, actual: digest.sha256 };
  }
  if (hasher.bytes !== entry.size) return { what: 'size', expected: String(entry.size), actual: String(hasher.bytes) };
  return digest.gitBlob === entry.oid ? undefined : { what: 'git blob id', expected: entry.oid, actual: digest.gitBlob ?? '' };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function contentRangeStart(header: string | null): number | undefined {
  const match = header ? /^bytes\s+(\d+)-\d+\/(\d+|\*)$/i.exec(header.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

function cancelled(): ModelError {
  return new ModelError('cancelled', 'download cancelled; finished bytes are kept, install again to resume');
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}
