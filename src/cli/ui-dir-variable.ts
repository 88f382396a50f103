// `SHOEBOX_UI_DIR=/tmp/x/noui shoebox serve`: the folder the variable names has no index.html.
// What to fix is the variable, not the build: "run `npm run build`" (the line for the default
// folder, out/renderer) would build a UI the variable then still leads away from.
import fs from 'node:fs';
import path from 'node:path';

/** Throws one line when `dir`, named by SHOEBOX_UI_DIR, holds no index.html (exit 1). */
export function checkUiDirVariable(dir: string): void {
  if (fs.existsSync(path.join(dir, 'index.html'))) return;
  const what = fs.existsSync(dir) ? `a folder without index.html (${dir})` : `no folder (${dir})`;
  throw new Error(`SHOEBOX_UI_DIR names ${what}: point it at a built UI, or unset it to serve the one \`npm run build\` makes`);
}
