// Builds the app (main, engine, inference worker, preload, renderer) the way `npm run build`
// does, under .cache/ so tests exercise the current sources without touching out/. Inside
// the repo on purpose: the bundles import their native dependencies (sharp, LanceDB, ONNX
// Runtime) from node_modules, found by walking up from the bundle.
//
// A build takes tens of seconds on 2 cores and several test files need one, often at the
// same time (vitest runs files in parallel processes). So the build is shared: keyed by a
// hash of everything it is made from, made once by whichever test file gets there first
// (a lock directory keeps the others waiting), kept for later runs while the sources stay
// the same, and each caller gets its own copy to use and delete as it likes.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../fixtures/models/paths';

const run = promisify(execFile);

const PARENT = path.join(REPO_ROOT, '.cache', 'test-build');
/** What a build is made from, besides installed packages (package-lock.json stands for those). */
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const COMPLETE = '.complete';
/** A lock older than this belongs to a build that died; take it over. */
const STALE_LOCK_MS = 10 * 60_000;
const POLL_MS = 500;

export async function buildApp(): Promise<string> {
  const shared = await sharedBuild();
  const copy = fs.mkdtempSync(path.join(PARENT, 'out-'));
  fs.cpSync(shared, copy, { recursive: true });
  return copy;
}

/** The hash of every input file's path and bytes. */
function sourceStamp(): string {
  const hash = crypto.createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(REPO_ROOT, rel);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel}\0`).update(fs.readFileSync(abs)).update('\0');
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex').slice(0, 16);
}

async function sharedBuild(): Promise<string> {
  fs.mkdirSync(PARENT, { recursive: true });
  const stamp = sourceStamp();
  const dir = path.join(PARENT, `app-${stamp}`);
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(path.join(dir, COMPLETE))) return dir;
    if (takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    if (fs.existsSync(path.join(dir, COMPLETE))) return dir;
    const building = `${dir}.tmp-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    const cli = path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    await run(process.execPath, [cli, 'build', '--outDir', building, '--logLevel', 'error'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    fs.writeFileSync(path.join(building, COMPLETE), stamp);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(building, dir);
    pruneOtherBuilds(path.basename(dir));
    return dir;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** mkdir is atomic: whoever creates the lock directory builds. */
function takeLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const st = fs.statSync(lock, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Builds of older sources are not used again, once no test run can still be copying them. */
function pruneOtherBuilds(keep: string): void {
  for (const name of fs.readdirSync(PARENT)) {
    if (!name.startsWith('app-') || name === keep || name.endsWith('.lock') || name.includes('.tmp-')) continue;
    const dir = path.join(PARENT, name);
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}
