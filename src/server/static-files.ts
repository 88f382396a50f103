// The built renderer (out/renderer), served as files. Only files inside that folder: the
// URL path is decoded before the containment check, so %2e%2e%2f cannot climb out.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileForUrlPath } from '../base/url-path-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The file a URL path names inside `root`, or null. "/" is index.html. */
export function resolveStaticFile(pathname: string, root: string): string | null {
  return fileForUrlPath(root, pathname);
}

export async function readStaticFile(file: string): Promise<{ data: Buffer; contentType: string } | null> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return null;
    return { data: await fs.readFile(file), contentType: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** Where the built UI is: out/renderer under the package root, unless SHOEBOX_UI_DIR says otherwise. */
export function rendererDir(packageRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['SHOEBOX_UI_DIR'] ? path.resolve(env['SHOEBOX_UI_DIR']) : path.join(packageRoot, 'out', 'renderer');
}

/** Throws one line telling what to do when the UI has not been built. */
export async function assertRendererBuilt(dir: string): Promise<void> {
  try {
    await fs.access(path.join(dir, 'index.html'));
  } catch {
    throw new Error(`the UI is not built (no ${path.join(dir, 'index.html')}): run \`npm run build\` first`);
  }
}
