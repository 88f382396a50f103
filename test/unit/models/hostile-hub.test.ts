// A hostile or broken mirror (SHOEBOX_HF_ENDPOINT, HF_ENDPOINT, --endpoint) must not reach
// outside the model folder, exhaust memory, or hang an install: paths it lists are refused,
// bodies are bounded, stalls time out, pagination ends, redirects to other schemes fail at once.
// Limits are injected small so each case runs in well under a second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelManager } from '../../../src/core/models/model-manager';
import { ModelError } from '../../../src/core/models/model-error';
import { MANIFEST_FILE, readManifest } from '../../../src/core/models/manifest';
import { DOWNLOAD_STATE_FILE } from '../../../src/core/models/download';
import { FakeHub, readTree } from '../../helpers/fake-hub';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

const ID = 'vit-b-32-openai';
const REPO = 'immich-app/ViT-B-32__openai';

let home: string;
let outside: string;
let victim: string;
let hub: FakeHub;

function repoFiles(): Record<string, Buffer> {
  const files = readTree(fixtureModelDir(TINY_IMMICH));
  delete files['.stamp'];
  return files;
}

function manager(download: NonNullable<ConstructorParameters<typeof ModelManager>[0]['download']> = {}): ModelManager {
  return new ModelManager({ home, endpoint: hub.url, download: { retryDelayMs: 0, ...download } });
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).not.toContain('\n');
    return err as ModelError;
  }
  throw new Error('expected a rejection');
}

const partialDir = () => path.join(home, 'models', '.partial', ID);
/** The victim as a listing path relative to the download folder ("../../../../<tmp>/victim.txt"). */
const victimFromPartial = () => path.relative(partialDir(), victim).split(path.sep).join('/');
const fileEntry = (p: string, oid = 'a'.repeat(40)) => ({ type: 'file', path: p, size: 4, oid });
const fileRequests = () => hub.requests.filter((r) => r.kind === 'resolve' || r.kind === 'cdn');

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-hostile-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-victim-'));
  victim = path.join(outside, 'victim.txt');
  fs.writeFileSync(victim, 'keep');
  hub = await FakeHub.start({ redirectLfs: true });
  hub.addRepo(REPO, repoFiles());
});

afterEach(async () => {
  await hub.close();
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('paths from a hostile mirror', () => {
  it('a listing entry outside the model folder deletes nothing, on the first run or the retry after the branch moved', async () => {
    hub.faults.extraTree = [fileEntry(victimFromPartial())];
    // The first run fails midway, leaving its download state behind (as a dropped connection does).
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 100 };
    const first = await rejection(manager({ retries: 0 }).install(ID));
    // The branch moves: the listed "file" now has another id, so a naive retry drops the old one.
    hub.addRepo(REPO, { ...repoFiles(), 'README.md': Buffer.from('moved\n') });
    hub.faults.extraTree = [fileEntry(victimFromPartial(), 'b'.repeat(40))];
    const retry = manager().install(ID);
    await retry.catch(() => {});

    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    const second = await rejection(retry);
    for (const error of [first, second]) {
      expect(error.code).toBe('hub');
      expect(error.message).toContain(`unsafe path ${JSON.stringify(victimFromPartial())}`);
    }
    expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);
  });

  it('refuses every kind of unsafe listing path before fetching a byte', async () => {
    const unsafe = ['/etc/passwd', '..', '../x', 'a/../../x', 'visual/./model.onnx', 'a//b', 'C:/x', 'C:x', 'a\\..\\..\\x', 'a\0b', 'a\nb', ''];
    for (const bad of unsafe) {
      hub.faults.extraTree = [fileEntry(bad)];
      const error = await rejection(manager().install(ID));
      expect(error.code, JSON.stringify(bad)).toBe('hub');
      expect(error.message).toContain('unsafe path');
    }
    expect(fileRequests()).toHaveLength(0);
    // Names a real repository may hold are fine.
    hub.faults.extraTree = [fileEntry('textual/7e068af8-4887-11ef-ab3a-00155d655292'), fileEntry('.gitattributes'), fileEntry('a b/ü.txt')];
    expect((await manager().install(ID)).files).toBe(6);
  });

  it('a download state left on disk naming a path outside the folder deletes nothing', async () => {
    // What an earlier version left after a failed run against a hostile mirror.
    fs.mkdirSync(partialDir(), { recursive: true });
    const state = { repo: REPO, commit: 'f'.repeat(40), expected: { [victimFromPartial()]: 'blob:old', '/etc/hostname': 'blob:old', 'config.json': 'blob:old' } };
    fs.writeFileSync(path.join(partialDir(), DOWNLOAD_STATE_FILE), JSON.stringify(state));
    fs.writeFileSync(path.join(partialDir(), 'config.json'), 'stale');

    const result = await manager().install(ID);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    // The safe stale entry was still replaced by the new commit's file.
    expect(fs.readFileSync(path.join(result.dir, 'config.json')).equals(repoFiles()['config.json']!)).toBe(true);
  });

  it('a manifest read back from disk with a path outside the folder is not trusted', () => {
    const dir = path.join(home, 'models', 'x');
    fs.mkdirSync(dir, { recursive: true });
    const manifest = { format: 1, id: 'x', source: 'hub', layout: 'immich', installedAt: '', files: [{ path: 'config.json', size: 1, sha256: '0' }] };
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    expect(readManifest(dir)?.files).toHaveLength(1);
    for (const bad of [victimFromPartial(), '/etc/passwd', 'C:\\x', 'a/../../x']) {
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, files: [{ path: bad, size: 1, sha256: '0' }] }));
      expect(readManifest(dir), bad).toBeUndefined();
    }
  });
});

describe('bodies, stalls and pagination from a hostile mirror', () => {
  it('cuts an endless JSON listing at the size limit', async () => {
    hub.faults.endlessJson = 'tree';
    const started = Date.now();
    const error = await rejection(manager({ maxJsonBytes: 256 * 1024 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/tree.*: the file listing is larger than 0\.3 MB; refusing it/);
    expect(Date.now() - started).toBeLessThan(3000);
    // The client stopped reading soon after the limit (what the socket buffers aside).
    expect(hub.requests.find((r) => r.kind === 'tree')!.bytes).toBeLessThan(16 * 1024 * 1024);
  }, 5_000);

  it('gives up on a listing that stalls', async () => {
    hub.faults.drip = { target: 'tree', afterBytes: 1, intervalMs: 0 };
    const started = Date.now();
    const error = await rejection(manager({ idleTimeoutMs: 200 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/tree.*: no data for 0\.2 s; the hub stalled/);
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);

  it('gives up on a JSON answer dripped a byte at a time, past its deadline', async () => {
    hub.faults.drip = { target: 'revision', afterBytes: 5, intervalMs: 20 };
    const started = Date.now();
    const error = await rejection(manager({ idleTimeoutMs: 1000, jsonTimeoutMs: 400 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/revision.*: no complete answer within 0\.4 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);

  it('abandons a file download that stalls after the idle timeout, and resumes it', async () => {
    const file = 'textual/model.onnx';
    hub.faults.drip = { target: file, afterBytes: 3000, intervalMs: 0 };
    const result = await manager({ idleTimeoutMs: 200 }).install(ID);
    expect(result.files).toBe(6);
    const requests = hub.fileRequests(file);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.range).toBe('bytes=3000-');
  }, 10_000);

  it('refuses pagination that repeats a page', async () => {
    hub.faults.pages = 'loop';
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/the file listing links back to a page it already sent/);
    expect(hub.requests.filter((r) => r.kind === 'tree')).toHaveLength(1);
  }, 10_000);

  it('refuses pagination past the page limit', async () => {
    hub.faults.pages = 'endless';
    const error = await rejection(manager({ maxListingPages: 20 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/the file listing runs past 20 pages/);
    expect(hub.requests.filter((r) => r.kind === 'tree')).toHaveLength(20);
  }, 10_000);
});

describe('redirects from a hostile mirror', () => {
  it('a redirect to file:// fails at once in one line, without retries', async () => {
    hub.faults.redirect = { file: 'config.json', location: `file://${victim}` };
    const error = await rejection(manager({ retries: 5, concurrency: 1 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/config\.json: the hub redirected to "file:\/\/.*victim\.txt", which is not http\(s\); refusing it/);
    expect(hub.requests.filter((r) => r.file === 'config.json')).toHaveLength(1);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
  });

  it('a redirect loop fails without retries', async () => {
    hub.faults.redirect = { file: 'config.json', location: `/immich-app/ViT-B-32__openai/resolve/main/config.json?again=${crypto.randomUUID()}` };
    const error = await rejection(manager({ retries: 5, concurrency: 1 }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/config\.json: more than \d+ redirects/);
    expect(hub.requests.filter((r) => r.file === 'config.json').length).toBeLessThanOrEqual(11);
  });
});
