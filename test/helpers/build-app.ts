// Builds the app (main, engine, inference worker, preload, renderer) the way `npm run build`
// does, into a fresh folder under .cache/ so tests exercise the current sources without
// touching out/. Inside the repo on purpose: the bundles import their native dependencies
// (sharp, LanceDB, ONNX Runtime) from node_modules, found by walking up from the bundle.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../fixtures/models/paths';

const run = promisify(execFile);

export async function buildApp(): Promise<string> {
  const parent = path.join(REPO_ROOT, '.cache', 'test-build');
  fs.mkdirSync(parent, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(parent, 'out-'));
  const cli = path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  await run(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  return outDir;
}
