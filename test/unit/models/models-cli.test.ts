// `shoebox models ...` through a Command built like src/cli/program.ts builds the real one
// (same global --home, same error handling and exit codes), without spawning a process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { registerModels } from '../../../src/cli/commands/models';
import { registerIndex } from '../../../src/cli/commands/index';
import { registerSearch } from '../../../src/cli/commands/search';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, errorLine } from '../../../src/cli/output';
import { CATALOG, DEFAULT_MODEL_ID, findCatalogEntry } from '../../../src/core/models/catalog';
import { FakeHub, readTree } from '../../helpers/fake-hub';
import { TINY_IMMICH, TINY_TRANSFORMERS, fixtureModelDir } from '../../fixtures/models/paths';
import { COLOURS, writeColourPhoto } from '../../helpers/images';

let home: string;
let hub: FakeHub;

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-cli-models-'));
  hub = await FakeHub.start();
  const files = readTree(fixtureModelDir(TINY_IMMICH));
  delete files['.stamp'];
  hub.addRepo('immich-app/ViT-B-32__openai', files);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hub.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function shoebox(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command('shoebox')
    .option('--home <dir>', 'data folder')
    .exitOverride()
    .configureOutput({ outputError: () => {}, writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  registerModels(program);
  registerIndex(program);
  registerSearch(program);
  let code = 0;
  try {
    await program.parseAsync(['node', 'shoebox', '--home', home, ...args]);
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.code === 'commander.helpDisplayed' ? 0 : EXIT_USAGE;
      if (code) stderr += `${errorLine(err.message.replace(/^error: /, ''))}\n`;
    } else {
      stderr += `${errorLine(err)}\n`;
      code = err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
    }
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

function json(stdout: string): Record<string, unknown> {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('shoebox models', () => {
  it('list --json prints one document with every catalog model', async () => {
    const { code, stdout, stderr } = await shoebox('models', 'list', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = json(stdout) as { models: Array<{ id: string; installed: boolean }> };
    expect(doc.models.map((m) => m.id)).toEqual(CATALOG.map((e) => e.id));
    expect(doc.models.every((m) => m.installed === false)).toBe(true);
  });

  it('list shows each catalog model\'s published recall, speed, memory and languages, and where they come from', async () => {
    const { code, stdout } = await shoebox('models', 'list');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+ID\s+STATUS\s+SIZE\s+LANG\s+RECALL\s+TIME\s+MEMORY\s+DESCRIPTION$/);
    for (const entry of CATALOG) {
      const row = lines.find((line) => line.slice(3).startsWith(`${entry.id} `))!;
      expect(row, entry.id).toBeDefined();
      expect(row).toContain(entry.languages.join(','));
      if (entry.benchmark) {
        expect(row).toContain(`${entry.benchmark.recall.en!.toFixed(1)}%`);
        expect(row).toContain(`${entry.benchmark.ms} ms`);
        expect(row).toContain(`${entry.benchmark.memoryMiB} MiB`);
      }
    }
    // What the columns mean and their source, once, under the table.
    for (const source of new Set(CATALOG.flatMap((e) => (e.benchmark ? [e.benchmark.source] : [])))) expect(stdout).toContain(source);
    expect(stdout).toMatch(/Crossmodal-3600/);

    const doc = json((await shoebox('models', 'list', '--json')).stdout) as {
      models: Array<{ id: string; default: boolean; benchmark: { recall: Record<string, number>; ms: number; memoryMiB: number; source: string } | null; catalogSource: string }>;
    };
    const fresh = doc.models.find((m) => m.id === DEFAULT_MODEL_ID)!;
    expect(fresh).toMatchObject({ default: true, benchmark: findCatalogEntry(DEFAULT_MODEL_ID)!.benchmark, catalogSource: findCatalogEntry(DEFAULT_MODEL_ID)!.source });
    expect(doc.models.filter((m) => m.default).map((m) => m.id)).toEqual([DEFAULT_MODEL_ID]);
  });

  it('install, list, use, remove: the whole round trip', async () => {
    const install = await shoebox('models', 'install', 'vit-b-32-openai', '--endpoint', hub.url, '--json');
    expect(install.code).toBe(0);
    expect(install.stderr).toBe(''); // no progress when stderr is not a terminal
    expect(json(install.stdout)).toMatchObject({ id: 'vit-b-32-openai', alreadyInstalled: false, activated: true, files: 6 });

    const list = await shoebox('models', 'list');
    expect(list.code).toBe(0);
    const row = list.stdout.split('\n').find((line) => line.includes('vit-b-32-openai'))!;
    expect(row).toMatch(/^\*\s+vit-b-32-openai\s+installed\s/);
    
    const src = path.join(home, 'elsewhere');
    fs.cpSync(fixtureModelDir(TINY_IMMICH), src, { recursive: true });
    const imported = await shoebox('models', 'import', src, '--id', 'mine');
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^imported mine \(immich layout, .+\) into /);

    const use = await shoebox('models', 'use', 'mine', '--json');
    expect(json(use.stdout)).toEqual({ id: 'mine', dir: path.join(home, 'models', 'mine'), pending: 0 });

    const remove = await shoebox('models', 'remove', 'mine');
    expect(remove.code).toBe(0);
    expect(remove.stdout).toBe('removed mine\nit was the active model; no model is active now ("shoebox models use ID" picks one)\n');

    const again = await shoebox('models', 'install', 'vit-b-32-openai', '--endpoint', hub.url);
    expect(again.stdout).toContain('vit-b-32-openai is already installed');
    expect(again.stdout).toContain('vit-b-32-openai is now the active model');
  });

  it('a switch says how many photos the new model has not embedded yet; --index embeds them', async () => {
    // Beside the data folder, not inside it: Shoebox refuses to index its own data.
    const photos = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-cli-models-photos-'));
    onTestFinished(() => fs.rmSync(photos, { recursive: true, force: true }));
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await shoebox('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'one')).code).toBe(0);
    expect((await shoebox('models', 'import', fixtureModelDir(TINY_TRANSFORMERS), '--id', 'two')).code).toBe(0);
    expect((await shoebox('models', 'use', 'one')).code).toBe(0);
    expect((await shoebox('index', photos)).code).toBe(0);
    const count = Object.keys(COLOURS).length;

    const use = await shoebox('models', 'use', 'two');
    expect(use).toMatchObject({ code: 0, stderr: '' });
    expect(use.stdout).toBe(`two is now the active model\n${count} photos in your folders are not embedded with two yet: search finds them after "shoebox index" (or "shoebox models use two --index")\n`);
    const empty = await shoebox('search', 'red');
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: `shoebox: no photos are embedded with model two yet; the photos are embedded with one (${count}): shoebox models use one to search them (installed); "shoebox index" with two would embed them all again\n` });

    const now = await shoebox('models', 'use', 'two', '--index', '--json');
    expect(now.code).toBe(0);
    expect(json(now.stdout)).toMatchObject({ id: 'two', pending: 0, index: { embedded: count, failed: [] } });
    const found = await shoebox('search', 'red');
    expect(found.stdout.split('\n')[0]).toMatch(/\/red\.jpg$/);

    // Back to the first model: its embeddings are still there, nothing is pending.
    expect((await shoebox('models', 'use', 'one')).stdout).toBe('one is now the active model\n');
  });

  it('unknown ids are usage errors (exit 2); state errors exit 1; each is one line', async () => {
    const unknown = await shoebox('models', 'install', 'no-such-model');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^shoebox: "no-such-model" is not in the catalog \(vit-b-32-laion2b, vit-b-32-openai, .*\)\n$/);

    const notInstalled = await shoebox('models', 'use', 'vit-b-32-openai');
    expect(notInstalled.code).toBe(1);
    expect(notInstalled.stderr).toBe('shoebox: model "vit-b-32-openai" is not installed; install it first\n');

    const nothing = await shoebox('models', 'remove', 'vit-b-32-openai', '--json');
    expect(nothing).toMatchObject({ code: 1, stdout: '' });

    const badId = await shoebox('models', 'import', home, '--id', '../x');
    expect(badId.code).toBe(2);

    const missingArg = await shoebox('models', 'install');
    expect(missingArg.code).toBe(2);
    expect(missingArg.stderr).toContain("missing required argument 'id'");
  });

  it('a failed download exits 1 naming the file, and nothing is installed', async () => {
    hub.faults.corrupt = new Set(['visual/model.onnx']);
    const result = await shoebox('models', 'install', 'vit-b-32-openai', '--endpoint', hub.url, '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^shoebox: visual\/model\.onnx: downloaded bytes do not match the hub's SHA-256 .*\n$/);
    const list = json((await shoebox('models', 'list', '--json')).stdout) as { models: Array<{ id: string; installed: boolean }> };
    expect(list.models.find((m) => m.id === 'vit-b-32-openai')!.installed).toBe(false);
  });

  it('every subcommand has --help', async () => {
    for (const sub of ['list', 'install', 'import', 'remove', 'use']) {
      const { code, stdout } = await shoebox('models', sub, '--help');
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: shoebox models ${sub}`);
      expect(stdout).toContain('--json');
    }
  });
});
