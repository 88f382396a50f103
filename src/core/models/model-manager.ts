// Models on disk (DESIGN.md "Data": <home>/models/<id>/): what the catalog offers, what is
// installed, which one is active (settings.json), and the operations that change that.
//
// A model folder appears under <home>/models/<id> only in one rename, after every file is
// verified and readModelFolder accepts it: downloads are assembled in models/.partial/<id>/
// (resumable), imports in a hidden staging folder. "Installed" and "active" are decided by
// installed-folder.ts and active-model.ts, the same rules the engine uses, so a folder later
// emptied or half-deleted by hand is neither installed nor active anywhere: it is listed as
// broken, with why and the fix (ModelSummary.problem), so that it can be seen and removed.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { readModelFolder, type ModelFolder, type ModelLayout } from '../clip/model-folder';
import { readSettings, updateSettings } from '../settings';
import { homePaths } from '../paths';
import { CATALOG, ENGINE_FILES, findCatalogEntry, type CatalogEntry } from './catalog';
import { downloadRepoFiles, type DownloadProgress } from './download';
import { resolveEndpoint, type FetchLike, type HubLimits } from './hub-client';
import { MANIFEST_FILE, manifestBytes, readManifest, writeManifest, type ManifestFile, type ModelManifest } from './manifest';
import { checkModelFolder, installedFolder, type FolderCheck } from './installed-folder';
import { embeddingSizeProblem } from './embedding-size-check';
import { activeModel, fixFor } from './active-model';
import { ModelError, assertValidModelId, isValidModelId } from './model-error';
import { refuseCaseTwin, refuseCatalogId } from './import-id-check';
import { externalDataLocations } from './onnx-external-data';
import { describeUsers, earlierBuildUsers, modelUsers } from './model-users';
import { FileHasher, hashFileInto } from './file-hash';
import { tryAcquirePidLock } from '../../base/pid-lock';
import { isDirectory } from '../../base/file-kind';
import type { ActiveModel } from '../../shared/api';

export interface ModelManagerOptions {
  /** The data folder (resolveHome()); models live in <home>/models. */
  home: string;
  /** Hub base URL; default: SHOEBOX_HF_ENDPOINT, else HF_ENDPOINT, else https://huggingface.co. */
  endpoint?: string;
  /** fetch implementation (default: Node's global fetch). */
  fetch?: FetchLike;
  /**
   * Download tuning: retries per file, first retry delay (ms), files at once, and what a hub
   * may cost (idle timeout, JSON deadline and size, listing pages; see HubLimits).
   */
  download?: { retries?: number; retryDelayMs?: number; concurrency?: number } & HubLimits;
}

export interface ModelSummary {
  id: string;
  /** "catalog": offered for download; "imported": a folder the user brought. */
  source: 'catalog' | 'imported';
  installed: boolean;
  active: boolean;
  /** A download was started and not finished (install again to resume). */
  partial: boolean;
  /** Where the model is, or will be once installed. */
  dir: string;
  layout?: ModelLayout;
  repo?: string;
  revision?: string;
  /** Commit the installed files came from. */
  commit?: string;
  languages?: readonly string[];
  /** Catalog estimate of the download. */
  approxBytes?: number;
  /** Bytes on disk, for installed models with a manifest. */
  bytes?: number;
  description?: string;
  installedAt?: string;
  importedFrom?: string;
  /** Its folder is here but is not a whole model (files deleted by hand, graphs of two models):
   *  one line saying why and the fix (active-model.ts fixFor). Absent: whole, or not here. */
  problem?: string;
}

export interface InstallOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Overrides the manager's hub for this install. */
  endpoint?: string;
}

export interface InstallResult {
  id: string;
  dir: string;
  repo: string;
  revision: string;
  commit?: string;
  files: number;
  bytes: number;
  /** It was installed before this call; nothing was downloaded. */
  alreadyInstalled: boolean;
  /** It became the active model (no model was active). */
  activated: boolean;
}

export interface ImportOptions {
  /** Folder name under <home>/models; default: derived from the source folder's name. */
  id?: string;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface ImportResult {
  id: string;
  dir: string;
  layout: ModelLayout;
  files: number;
  bytes: number;
  activated: boolean;
  /** Live processes with an earlier build of this id loaded (imported over it after `remove
   *  --force`): they keep it, embedding nothing with this one, until restarted. Absent: none. */
  keptElsewhere?: { pid: number; command: string }[];
}

export interface RemoveResult {
  id: string;
  /** An installed folder was removed. */
  removed: boolean;
  /** An unfinished download was removed. */
  removedPartial: boolean;
  /** It was the active model; no model is active now. */
  wasActive: boolean;
}

/** The contract's type (src/shared), one per concept. */
export type { ActiveModel };

export class ModelManager {
  readonly home: string;
  readonly modelsRoot: string;
  private readonly endpoint?: string;
  private readonly fetchImpl?: FetchLike;
  private readonly downloadTuning: NonNullable<ModelManagerOptions['download']>;

  constructor(options: ModelManagerOptions) {
    this.home = path.resolve(options.home);
    this.modelsRoot = homePaths(this.home).models;
    this.endpoint = options.endpoint;
    this.fetchImpl = options.fetch;
    this.downloadTuning = options.download ?? {};
  }

  catalog(): readonly CatalogEntry[] {
    return CATALOG;
  }

  /** Where the model with this id lives (whether or not it is installed). */
  modelDir(id: string): string {
    assertValidModelId(id);
    return path.join(this.modelsRoot, id);
  }

  /** Catalog entries (installed or not), then imported models, each with installed/active flags. */
  list(): ModelSummary[] {
    const activeId = activeModel(this.home)?.id;
    const summaries: ModelSummary[] = [];
    const imported: ModelSummary[] = [];
    for (const entry of CATALOG) {
      const dir = this.modelDir(entry.id);
      const check = checkModelFolder(dir);
      const folder = check.folder;
      const installed = folder !== undefined;
      const manifest = installed ? readManifest(dir) : undefined;
      // A folder imported under a catalog id (before import refused them) is the user's own
      // model, not the catalog's: listed as imported, without the catalog's repository and
      // figures, and the catalog entry offered as not installed is left out (its id is taken).
      if (manifest?.source === 'import') {
        imported.push(importedSummary(entry.id, dir, activeId, manifest, check));
        continue;
      }
      summaries.push({
        id: entry.id,
        source: 'catalog',
        installed,
        active: activeId === entry.id,
        partial: !installed && fs.existsSync(this.partialDir(entry.id)),
        dir,
        layout: entry.layout,
        repo: entry.repo,
        revision: entry.revision,
        commit: manifest?.commit,
        languages: entry.languages,
        approxBytes: entry.approxBytes,
        bytes: manifest ? manifestBytes(manifest) : undefined,
        description: entry.description,
        installedAt: manifest?.installedAt,
        importedFrom: manifest?.importedFrom,
        ...brokenProblem(entry.id, dir, check),
      });
    }
    // A folder of the user's that is here but broken is listed too, with why and the fix: left
    // out, it was "not installed" to every screen while import refused it as "already installed".
    for (const item of readDirSafe(this.modelsRoot)) {
      if (!item.isDirectory() || !isValidModelId(item.name) || findCatalogEntry(item.name)) continue;
      const dir = path.join(this.modelsRoot, item.name);
      imported.push(importedSummary(item.name, dir, activeId, readManifest(dir), checkModelFolder(dir)));
    }
    imported.sort((a, b) => a.id.localeCompare(b.id));
    return [...summaries, ...imported];
  }

  /**
   * Downloads a catalog model, verifies every file, and publishes the folder in one rename.
   * Interrupted downloads resume from where they stopped. If no model is active yet, this one
   * becomes active.
   */
  async install(id: string, options: InstallOptions = {}): Promise<InstallResult> {
    const entry = findCatalogEntry(id);
    if (!entry) throw new ModelError('unknown-model', `"${id}" is not in the catalog (${CATALOG.map((e) => e.id).join(', ')})`);
    const dir = this.modelDir(id);
    readSettings(this.home); // a corrupt settings.json fails now, not after the download
    const existing = this.installedState(dir);
    if (existing?.source === 'import') {
      throw new ModelError('already-exists', `"${id}" in ${dir} was imported from ${existing.importedFrom ?? 'a folder'}, not downloaded from ${entry.repo}; remove it first to install the catalog's model`);
    }
    // A broken folder Shoebox did not download (no hub manifest: an old import under this id
    // whose manifest is damaged or gone, files put there by hand) may be the user's own files:
    // refused before any download, as it would be at publish; the user chooses to remove it.
    if (!existing) refuseUnknownFolder(dir, id);
    if (existing) {
      return {
        id,
        dir,
        repo: entry.repo,
        revision: entry.revision,
        commit: existing.commit,
        files: existing.files.length,
        bytes: existing.files.reduce((sum, f) => sum + f.size, 0),
        alreadyInstalled: true,
        activated: this.activateIfNone(id),
      };
    }

    const release = this.lock(id);
    try {
      const partial = this.partialDir(id);
      const endpoint = resolveEndpoint(options.endpoint ?? this.endpoint);
      const result = await downloadRepoFiles({
        endpoint,
        fetch: this.fetchImpl,
        repo: entry.repo,
        revision: entry.revision,
        files: ENGINE_FILES[entry.layout],
        dir: partial,
        onProgress: options.onProgress,
        signal: options.signal,
        ...this.downloadTuning,
      });
      let folder: ModelFolder;
      try {
        folder = readModelFolder(partial);
      } catch (err) {
        // Every byte matched the hub, so fetching again would not help.
        fs.rmSync(partial, { recursive: true, force: true });
        throw new ModelError('invalid-model', `${entry.repo}@${result.commit} was downloaded and verified, but is not a model folder Shoebox can read: ${(err as Error).message}`);
      }
      refuseMismatchedGraphs(folder, (problem) => {
        fs.rmSync(partial, { recursive: true, force: true });
        return `${entry.repo}@${result.commit} was downloaded and verified, but is not one CLIP model: ${problem}`;
      });
      writeManifest(partial, {
        format: 1,
        id,
        source: 'hub',
        repo: entry.repo,
        revision: entry.revision,
        commit: result.commit,
        endpoint,
        layout: folder.layout,
        files: result.files,
        installedAt: new Date().toISOString(),
      });
      // Asked before publishing: settings naming this id's half-there folder is "none active"
      // now, and once the whole model is in its place it would read as active already.
      const activate = activeModel(this.home) === null;
      // A half-installed or broken download in its place (installedState) makes way; a whole
      // model that appeared meanwhile stays, and publish says so; a folder that is not a
      // download of ours stays too, refused (the verified files wait in .partial for the next try).
      if (fs.existsSync(dir) && !installedFolder(dir)) {
        refuseUnknownFolder(dir, id);
        discard(this.modelsRoot, dir, id);
      }
      publish(partial, dir, id);
      return {
        id,
        dir,
        repo: entry.repo,
        revision: entry.revision,
        commit: result.commit,
        files: result.files.length,
        bytes: result.bytes,
        alreadyInstalled: false,
        activated: activate && this.makeActive(id),
      };
    } finally {
      release();
    }
  }

  /**
   * Copies a model folder (Immich or Transformers.js layout) into <home>/models/<id>: the files
   * the engine loads and the external data their graphs reference, nothing else.
   */
  async import(sourceDir: string, options: ImportOptions = {}): Promise<ImportResult> {
    if (options.id !== undefined) assertValidModelId(options.id);
    if (options.id !== undefined) refuseCatalogId(options.id);
    const source = path.resolve(sourceDir);
    // readModelFolder says "model folder not found" of anything that is not a folder: a file
    // typed by mistake is told as such.
    if (fs.existsSync(source) && !isDirectory(source)) throw new ModelError('invalid-model', `${source} is a file, not a model folder`);
    let folder: ModelFolder;
    try {
      folder = readModelFolder(source);
    } catch (err) {
      throw new ModelError('invalid-model', (err as Error).message);
    }
    // Graphs of two models (or a text graph as the image one) would import, then never find a
    // photo: refused here in the same line search would say (embedding-size-check.ts).
    refuseMismatchedGraphs(folder, (problem) => problem);
    const id = options.id ?? idFromFolderName(folder.dir);
    const from = options.id === undefined ? ' (the folder\'s name)' : '';
    if (options.id === undefined) refuseCatalogId(id, from);
    refuseCaseTwin(this.modelsRoot, id, from);
    const dir = this.modelDir(id);
    readSettings(this.home); // a corrupt settings.json fails now, not after the copy
    if (fs.existsSync(dir)) {
      throw new ModelError('already-exists', `a model named "${id}" is already installed in ${dir}; choose another id or remove it first`);
    }
    const files = filesOf(folder);
    const release = this.lock(id);
    const staging = path.join(this.modelsRoot, `.import-${id}-${crypto.randomBytes(4).toString('hex')}`);
    try {
      const sizes = files.map((file) => fs.statSync(path.join(folder.dir, ...file.split('/'))).size);
      const bytesTotal = sizes.reduce((a, b) => a + b, 0);
      let bytesDone = 0;
      const copied: ManifestFile[] = [];
      for (const [index, file] of files.entries()) {
        const from = path.join(folder.dir, ...file.split('/'));
        const to = path.join(staging, ...file.split('/'));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
        const hasher = new FileHasher();
        await hashFileInto(to, hasher);
        copied.push({ path: file, size: hasher.bytes, sha256: hasher.digest().sha256 });
        bytesDone += sizes[index]!;
        options.onProgress?.({ file, bytesDone, bytesTotal, filesDone: index + 1, filesTotal: files.length });
      }
      const check = readModelFolder(staging);
      writeManifest(staging, {
        format: 1,
        id,
        source: 'import',
        importedFrom: folder.dir,
        layout: check.layout,
        files: copied,
        installedAt: new Date().toISOString(),
      });
      publish(staging, dir, id);
      const kept = earlierBuildUsers(this.home, id).map(({ pid, command }) => ({ pid, command }));
      return { id, dir, layout: check.layout, files: copied.length, bytes: bytesTotal, activated: this.activateIfNone(id), ...(kept.length > 0 ? { keptElsewhere: kept } : {}) };
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw err;
    } finally {
      release();
    }
  }

  /**
   * Deletes an installed model (and any unfinished download of it); clears it if it was active.
   * Refused while a live process has it loaded (model-users.ts), unless `force`: deleting it
   * would leave that process (`shoebox serve`, the app) showing and searching with a model
   * whose files are gone.
   */
  remove(id: string, options: { force?: boolean } = {}): RemoveResult {
    const dir = this.modelDir(id);
    const partial = this.partialDir(id);
    const hasDir = fs.existsSync(dir);
    const hasPartial = fs.existsSync(partial);
    if (!hasDir && !hasPartial) {
      throw new ModelError(findCatalogEntry(id) ? 'not-installed' : 'unknown-model', `model "${id}" is not installed`);
    }
    const users = hasDir && !options.force ? modelUsers(this.home, id) : [];
    if (users.length > 0) {
      throw new ModelError('in-use', `model "${id}" is in use by ${describeUsers(users)}; stop it first, or remove it anyway with --force`);
    }
    const release = this.lock(id);
    try {
      if (hasDir) discard(this.modelsRoot, dir, id);
      if (hasPartial) fs.rmSync(partial, { recursive: true, force: true });
    } finally {
      release();
    }
    // The setting is cleared whenever it names this id, usable or not: nothing must name a
    // folder that is gone. (Which model is *active* is active-model.ts's question, not this.)
    const wasActive = readSettings(this.home).activeModel === id;
    if (wasActive) updateSettings(this.home, { activeModel: undefined });
    return { id, removed: hasDir, removedPartial: hasPartial, wasActive };
  }

  /** Makes an installed model the active one (settings.json activeModel). */
  use(id: string): ActiveModel {
    const dir = this.modelDir(id);
    if (!fs.existsSync(dir)) {
      throw findCatalogEntry(id)
        ? new ModelError('not-installed', `model "${id}" is not installed; install it first`)
        : new ModelError('unknown-model', `no model "${id}": it is neither installed nor in the catalog`);
    }
    const check = checkModelFolder(dir);
    if (check.problem !== undefined) throw new ModelError('invalid-model', `model "${id}" cannot be used: ${check.problem}`);
    updateSettings(this.home, { activeModel: id });
    return { id, dir };
  }

  /** The active model (active-model.ts), or null when none is set or it cannot be used. */
  active(): ActiveModel | null {
    return activeModel(this.home);
  }

  private partialDir(id: string): string {
    return path.join(this.modelsRoot, '.partial', id);
  }

  /**
   * The installed folder's manifest (or a stand-in); undefined when there is no whole model to
   * keep: none, or a half-installed or broken folder. The download replaces such a folder only
   * when its manifest says it came from the hub (refuseUnknownFolder; the fix status and
   * search advise: "shoebox models install ID"). A folder imported under this catalog id is
   * returned even when broken: it is the user's, and install refuses it.
   */
  private installedState(dir: string): Pick<ModelManifest, 'commit' | 'files' | 'importedFrom'> & { source?: ModelManifest['source'] } | undefined {
    if (!fs.existsSync(dir)) return undefined;
    const manifest = readManifest(dir);
    if (manifest?.source === 'import') return manifest;
    return installedFolder(dir) ? (manifest ?? { files: [] }) : undefined;
  }

  private activateIfNone(id: string): boolean {
    // An active model that cannot be used (half-installed, broken, files removed by hand) is
    // none, by the same rule the engine opens it with: the model just installed takes its place.
    return activeModel(this.home) === null && this.makeActive(id);
  }

  private makeActive(id: string): true {
    updateSettings(this.home, { activeModel: id });
    return true;
  }

  /**
   * One writer per model id across processes: a lock file holding the owner's pid. A lock whose
   * process is gone (a crash) is taken over.
   */
  private lock(id: string): () => void {
    const file = path.join(this.modelsRoot, '.partial', `${id}.lock`);
    const attempt = tryAcquirePidLock(file);
    if (attempt.acquired) return attempt.lock.release;
    const owner = attempt.holder?.pid;
    if (owner) throw new ModelError('busy', `model "${id}" is being installed or changed by process ${owner}; wait for it to finish`);
    throw new ModelError('busy', `model "${id}" is locked by ${file}`);
  }
}

/** An installed model the user brought: only what its own manifest (if any) says of it. */
function importedSummary(id: string, dir: string, activeId: string | undefined, manifest: ModelManifest | undefined, check: FolderCheck): ModelSummary {
  const folder = check.folder;
  return {
    id,
    source: 'imported',
    installed: folder !== undefined,
    active: activeId === id,
    partial: false,
    dir,
    layout: manifest?.layout ?? folder?.layout,
    repo: manifest?.repo,
    revision: manifest?.revision,
    commit: manifest?.commit,
    bytes: manifest ? manifestBytes(manifest) : undefined,
    installedAt: manifest?.installedAt,
    importedFrom: manifest?.importedFrom,
    ...brokenProblem(id, dir, check),
  };
}

/** ModelSummary.problem of a folder that is here but does not read as a whole model. */
function brokenProblem(id: string, dir: string, check: FolderCheck): { problem?: string } {
  if (check.problem === undefined || !fs.existsSync(dir)) return {};
  return { problem: `${id} is incomplete or broken: ${check.problem}; ${fixFor(id, dir)}` };
}

/** Throws invalid-model, in `say`'s words, when the folder's two graphs are not one CLIP model. */
function refuseMismatchedGraphs(folder: ModelFolder, say: (problem: string) => string): void {
  let problem: string | undefined;
  try {
    problem = embeddingSizeProblem(folder);
  } catch (err) {
    problem = (err as Error).message; // a graph that is not valid ONNX
  }
  if (problem !== undefined) throw new ModelError('invalid-model', say(problem));
}

/** The files a model folder needs: configs and tokenizer, both graphs, their external data. */
function filesOf(folder: ModelFolder): string[] {
  const rel = (p: string) => path.relative(folder.dir, p).split(path.sep).join('/');
  const graphs = [rel(folder.visionModelPath), rel(folder.textModelPath)];
  const files = new Set([...ENGINE_FILES[folder.layout].filter((f) => !f.endsWith('.onnx')), ...graphs]);
  for (const graph of graphs) {
    for (const location of externalDataLocations(path.join(folder.dir, ...graph.split('/')))) {
      const file = path.posix.join(path.posix.dirname(graph), location);
      if (!fs.existsSync(path.join(folder.dir, ...file.split('/')))) {
        throw new ModelError('invalid-model', `${path.join(folder.dir, graph)} needs external data "${location}", which is missing`);
      }
      files.add(file);
    }
  }
  return [...files];
}

/** Out of sight in one rename, then deleted: a crash midway never leaves half a model listed. */
/**
 * A broken folder in a catalog model's place is deleted by install only when its manifest says
 * Shoebox downloaded it from the hub (a download with files removed or damaged since). Anything
 * else (no manifest, a damaged one, an import) may hold the user's own files: refused in one
 * line naming the folder and the command the user may choose (active-model.ts fixFor agrees).
 */
function refuseUnknownFolder(dir: string, id: string): void {
  if (!fs.existsSync(dir) || readManifest(dir)?.source === 'hub') return;
  throw new ModelError('already-exists', `${dir} is incomplete or broken, and no ${MANIFEST_FILE} in it says Shoebox downloaded it, so install leaves it (it may hold your own files); to install the catalog's model there, remove it first: shoebox models remove ${id}`);
}

function discard(modelsRoot: string, dir: string, id: string): void {
  const trash = path.join(modelsRoot, `.removing-${id}-${crypto.randomBytes(4).toString('hex')}`);
  fs.renameSync(dir, trash);
  fs.rmSync(trash, { recursive: true, force: true });
}

function publish(staging: string, dir: string, id: string): void {
  try {
    fs.renameSync(staging, dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') {
      throw new ModelError('already-exists', `a model named "${id}" appeared in ${dir} meanwhile; remove it first`);
    }
    throw err;
  }
}

function idFromFolderName(dir: string): string {
  const slug = path
    .basename(dir)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return slug || 'imported-model';
}

function readDirSafe(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
