// The layer rules of eslint.config.js, run through ESLint's API on small snippets placed at
// paths in each layer: an import a layer's allow-list does not name is an error, one it names
// passes, the allow-lists form no loop, and import-x/no-cycle reports a file-level loop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/** The repo's own config and rule (plain JS modules, loaded by path). */
const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const config = ((await load('eslint.config.js')) as { default: Linter.Config[] }).default;
const { globToRegExp } = (await load('eslint-rules/allowed-imports.js')) as { globToRegExp: (glob: string) => RegExp };
let eslint: ESLint;

beforeAll(() => {
  // no-cycle would walk the whole tree from each snippet's imports: its own test is below.
  eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });
});

/** The layer rule's messages for `code` as if it were the file at `file` (relative to the repo). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'local/allowed-imports').map((m) => m.message);
}

const denied = async (file: string, source: string) => expect(await layerErrors(file, `import x from '${source}';\nexport default x;\n`), `${file} importing ${source}`).toHaveLength(1);
const allowed = async (file: string, source: string) => expect(await layerErrors(file, `import x from '${source}';\nexport default x;\n`), `${file} importing ${source}`).toEqual([]);

describe('the layer allow-lists', () => {
  it('keep the renderer and preload on src/shared (plus react / electron)', async () => {
    await allowed('src/renderer/components/X.tsx', '../../shared/api');
    await allowed('src/renderer/components/X.tsx', 'react');
    await denied('src/renderer/components/X.tsx', '../../core/index');
    await denied('src/renderer/components/X.tsx', '../../base/sha256-file');
    await denied('src/renderer/components/X.tsx', 'node:fs');
    await denied('src/renderer/components/X.tsx', 'electron');
    await allowed('src/preload/index.ts', 'electron');
    await allowed('src/preload/index.ts', '../shared/rpc');
    await denied('src/preload/index.ts', '../core/index');
    await denied('src/preload/index.ts', '../renderer/App');
  });

  it('keep src/shared free of everything (no node, no base, no core)', async () => {
    await allowed('src/shared/x.ts', './api');
    await denied('src/shared/x.ts', 'node:fs');
    await denied('src/shared/x.ts', 'fs');
    await denied('src/shared/x.ts', '../base/path-inside');
    await denied('src/shared/x.ts', '../core/index');
    await denied('src/shared/x.ts', 'react');
  });

  it('let src/base import Node and nothing of Shoebox', async () => {
    await allowed('src/base/x.ts', 'node:fs');
    await allowed('src/base/x.ts', './path-inside');
    await denied('src/base/x.ts', '../shared/api');
    await denied('src/base/x.ts', '../core/index');
    await denied('src/base/x.ts', 'commander');
  });

  it('let the CLI, serve and Electron main reach the core only through its front door', async () => {
    for (const file of ['src/cli/commands/x.ts', 'src/server/x.ts', 'src/main/x.ts']) {
      const up = file.startsWith('src/cli/commands') ? '../..' : '..';
      await allowed(file, `${up}/core/index`);
      await allowed(file, `${up}/core`);
      await allowed(file, `${up}/shared/api`);
      await allowed(file, `${up}/base/atomic-write`);
      await denied(file, `${up}/core/library/library-service`);
      await denied(file, `${up}/core/settings`);
      await denied(file, `${up}/renderer/App`);
      await denied(file, 'react');
    }
    await allowed('src/main/x.ts', 'electron');
    await denied('src/cli/x.ts', 'electron');
    await denied('src/server/x.ts', 'electron');
    await allowed('src/cli/commands/x.ts', '../../server/server');
    await denied('src/server/x.ts', '../cli/program');
    await denied('src/main/x.ts', '../cli/program');
    await denied('src/cli/x.ts', '../main/index');
  });

  it('order the core: a lower folder may not import a higher one', async () => {
    await allowed('src/core/tags/x.ts', '../store/types');
    await allowed('src/core/store/x.ts', '@lancedb/lancedb');
    await allowed('src/core/store/x.ts', '../../base/atomic-write');
    await denied('src/core/store/x.ts', '../library/library-service');
    await denied('src/core/store/x.ts', '../tags/label-set');
    await denied('src/core/clip/x.ts', '../media/index');
    await denied('src/core/tags/x.ts', '../api/library-api');
    await denied('src/core/tags/x.ts', '../dupes/types');
    await allowed('src/core/dupes/x.ts', '../tags/label-set');
    await denied('src/core/search/x.ts', '../albums/album');
    await allowed('src/core/api/x.ts', '../engine');
    await denied('src/core/engine.ts', './api/library-api');
    await allowed('src/core/index.ts', './api/library-api');
    await denied('src/core/library/x.ts', '../../cli/program');
    await denied('src/core/library/x.ts', 'electron');
    await denied('src/core/newfolder/x.ts', '../store/types'); // placed in the order first
    // The library location is the bottom of the core: everything may use it, it uses none of it.
    await allowed('src/core/store/x.ts', '../location/library-location');
    await allowed('src/core/media/x.ts', '../location/library-files');
    await denied('src/core/location/x.ts', '../store/types');
    await denied('src/core/location/x.ts', '../paths');
  });

  it('check type-only imports, re-exports and dynamic imports too', async () => {
    const errors = await layerErrors(
      'src/cli/x.ts',
      ["import type { LibraryService } from '../core/library/library-service';", "export { x } from '../core/settings';", "export const y = () => import('../core/engine');", 'export type Z = LibraryService;'].join('\n'),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('src/cli may not import "../core/library/library-service"');
  });

  it('form no loop: no layer may import a layer that may import it back', () => {
    const entry = config.find((c) => c.rules?.['local/allowed-imports']);
    const layers = (entry!.rules!['local/allowed-imports'] as [string, { layers: { name: string; files: string[]; allow: string[] }[] }])[1].layers;
    // A file that stands for each layer, and the first layer that claims it (as the rule does).
    const sample = (glob: string) => glob.replace(/\*\*/g, 'any').replace(/\*/g, 'any');
    const owner = (file: string) => layers.find((l) => l.files.some((g) => globToRegExp(g).test(file)))!.name;
    const edges = new Map<string, Set<string>>();
    for (const layer of layers) {
      const targets = new Set<string>();
      for (const other of layers) {
        if (other === layer) continue;
        const files = other.files.map(sample).filter((f) => owner(f) === other.name);
        if (files.some((f) => layer.allow.some((a) => a.startsWith('src/') && globToRegExp(a).test(f)))) targets.add(other.name);
      }
      edges.set(layer.name, targets);
    }
    const loops: string[] = [];
    const visit = (name: string, trail: string[]) => {
      if (trail.includes(name)) return void loops.push([...trail.slice(trail.indexOf(name)), name].join(' -> '));
      for (const next of edges.get(name)!) visit(next, [...trail, name]);
    };
    for (const name of edges.keys()) visit(name, []);
    expect(loops).toEqual([]);
    expect(edges.get('src/cli')).toContain('src/core/index');
    expect([...edges.get('src/core/store')!].sort()).toEqual(['src/base', 'src/core/location', 'src/shared']);
    expect([...edges.get('src/core/location')!].sort()).toEqual(['src/base', 'src/shared']);
    expect([...edges.get('src/base')!]).toEqual([]);
    expect([...edges.get('src/shared')!]).toEqual([]);
  });
});

describe('import-x/no-cycle', () => {
  it('reports two files that import each other', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-lint-'));
    fs.mkdirSync(path.join(dir, 'src', 'core', 'loop'), { recursive: true });
    const a = path.join(dir, 'src', 'core', 'loop', 'a.ts');
    const b = path.join(dir, 'src', 'core', 'loop', 'b.ts');
    fs.writeFileSync(a, "import { b } from './b';\nexport const a = () => b();\n");
    fs.writeFileSync(b, "import { a } from './a';\nexport const b = (): unknown => a;\n");
    // The repo's own config block that turns no-cycle on, on a two-file tree of its own.
    const block = config.find((c) => c.rules?.['import-x/no-cycle'])!;
    const parser = config.find((c) => c.languageOptions?.parser)!;
    const cycles = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [{ languageOptions: parser.languageOptions }, block] });
    const [result] = await cycles.lintFiles([a]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
