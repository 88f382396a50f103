// `shoebox dupes` as a user runs it: the CLI in this process on a temp home (run-cli.ts), --json
// documents, exit codes, and --trash: refused without a terminal or --yes (a real process
// without a terminal), asks on a terminal (a real pty through util-linux `script`), moves
// only after "y", into SHOEBOX_TRASH_DIR here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { LARGE_DUPLICATE_GROUP } from '../../src/shared/api';
import { REPO_ROOT, fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { shoebox, type CliResult } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const ENTRY = path.join(REPO_ROOT, 'bin/shoebox.js');
const dupesArgs = (home: string, ...args: string[]) => [ENTRY, '--home', home, 'dupes', ...MODEL, ...args];

/** `shoebox dupes` in this process (the engine loads once per file). */
function runDupes(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return shoebox(['--home', home, 'dupes', ...MODEL, ...args], env);
}

/** `shoebox dupes` as a child process, with stdin that is not a terminal. */
function spawnDupes(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...dupesArgs(home, ...args)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const haveScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs `dupes` on a pseudo-terminal (util-linux `script`) and types `answer`. */
function runDupesOnTerminal(home: string, args: string[], answer: string, env: NodeJS.ProcessEnv): CliResult {
  const command = [process.execPath, ...dupesArgs(home, ...args)].map(quote).join(' ');
  const res = spawnSync('script', ['-qec', command, '/dev/null'], { input: `${answer}\n`, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** A picture, three versions of it (half size, byte copy, 16:9 crop), another picture, and two flat red photos of different grain. */
async function photoFolder(): Promise<string> {
  const dir = tempDir('shoebox-dupes-cli-');
  const a = await sceneJpeg(21, 640, 480);
  const file = (name: string) => path.join(dir, name);
  fs.writeFileSync(file('a.jpg'), a);
  fs.writeFileSync(file('a copy.jpg'), a);
  await sharp(a).resize({ width: 320 }).jpeg({ quality: 80 }).toFile(file('a small.jpg'));
  await sharp(a).extract({ left: 0, top: 60, width: 640, height: 360 }).jpeg({ quality: 85 }).toFile(file('a wide.jpg'));
  fs.writeFileSync(file('b.jpg'), await sceneJpeg(22, 640, 480));
  await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
  await writeColourPhoto(dir, 'red other.jpg', COLOURS.red!, { width: 250, height: 190 });
  await writeColourPhoto(dir, 'blue.jpg', COLOURS.blue!);
  return dir;
}

async function indexedHome(): Promise<{ home: string; dir: string }> {
  const dir = await photoFolder();
  const home = tempDir();
  const res = await shoebox(['--home', home, 'index', ...MODEL, '--json', dir]);
  expect(res.code, res.stderr).toBe(0);
  return { home, dir };
}

type Group = { kind: string; keep: string; members: { path: string; width: number; height: number; bytes: number; trashed?: boolean }[] };
const names = (g: Group) => g.members.map((m) => path.basename(m.path)).sort();

describe('shoebox dupes', () => {
  it('prints exact and near groups as one JSON document, the keeper first', async () => {
    const { home, dir } = await indexedHome();
    const res = await runDupes(home, ['--json']);
    expect(res.code, res.stderr).toBe(0);
    const groups = JSON.parse(res.stdout) as Group[];
    expect(groups.map((g) => [g.kind, names(g)])).toEqual([
      ['exact', ['a copy.jpg', 'a.jpg']],
      ['near', ['a copy.jpg', 'a small.jpg', 'a wide.jpg', 'a.jpg']],
    ]);
    for (const g of groups) {
      expect(Object.keys(g).sort()).toEqual(['keep', 'kind', 'members', 'why']);
      // Same rank as "a copy.jpg" on every measure, and "a copy.jpg" sorts first: the name decides.
      expect(g.keep).toBe(path.join(dir, 'a.jpg'));
      expect(g.members[0]!.path).toBe(g.keep);
      for (const m of g.members) {
        expect(Object.keys(m).sort()).toEqual(['bytes', 'height', 'path', 'width']);
        expect(m.bytes).toBe(fs.statSync(m.path).size);
      }
    }
    expect(groups[1]!.members.find((m) => m.path.endsWith('a small.jpg'))).toMatchObject({ width: 320, height: 240 });

    const text = await runDupes(home, []);
    expect(text.code).toBe(0);
    // One block per picture, as the app's review shows it: its exact copies and its edited
    // versions together, each photo once (the JSON above keeps the engine's two groups).
    expect(text.stdout).toMatch(/^exact copies and edited versions: 4 photos\n {2}keep {2}640x480 .*\/a\.jpg\n {8}\S.*\n {8}\S.*\n {8}\S.*\n$/);
    expect(text.stdout.match(/a copy\.jpg/g)).toHaveLength(1);

    // A photo the user turned is listed as it shows, as the app lists it.
    expect((await shoebox(['--home', home, 'rotate', ...MODEL, '90', path.join(dir, 'a small.jpg')])).code).toBe(0);
    const turned = JSON.parse((await runDupes(home, ['--json'])).stdout) as Group[];
    expect(turned[1]!.members.find((m) => m.path.endsWith('a small.jpg'))).toMatchObject({ width: 240, height: 320, rotation: 90 });
    expect(turned[1]!.members.find((m) => m.path.endsWith('a wide.jpg'))).not.toHaveProperty('rotation');
    expect((await runDupes(home, [])).stdout).toMatch(/ 240x320 +[\d.]+ (KB|MB) {2}\S*\/a small\.jpg\n/);
  });

  it('finds CLIP look-alikes with --mode similar, and all kinds with --mode all', async () => {
    const { home } = await indexedHome();
    const similar = JSON.parse((await runDupes(home, ['--mode', 'similar', '--threshold', '0.995', '--json'])).stdout) as Group[];
    expect(similar.every((g) => g.kind === 'similar')).toBe(true);
    // The tiny model embeds colour: the two red photos look alike, blue does not join them.
    const red = similar.find((g) => names(g).includes('red.jpg'));
    expect(red && names(red)).toEqual(expect.arrayContaining(['red other.jpg', 'red.jpg']));
    expect(red && names(red)).not.toContain('blue.jpg');
    const all = JSON.parse((await runDupes(home, ['--mode', 'all', '--threshold', '0.995', '--json'])).stdout) as Group[];
    expect(new Set(all.map((g) => g.kind))).toEqual(new Set(['exact', 'near', 'similar']));
    const exact = JSON.parse((await runDupes(home, ['--mode', 'exact', '--json'])).stdout) as Group[];
    expect(exact.map(names)).toEqual([['a copy.jpg', 'a.jpg']]);
  });

  it('refuses bad options with exit 2 and one error line', async () => {
    const home = tempDir();
    for (const args of [['--mode', 'fuzzy'], ['--threshold', '0.9'], ['--mode', 'similar', '--threshold', '2'], ['--yes']]) {
      const res = await runDupes(home, args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(/^shoebox: .+\n$/);
      expect(res.stdout).toBe('');
    }
  });

  it('refuses a --threshold the core does not take (0, negative, above 1) with exit 2, in the core\'s words', async () => {
    const home = tempDir();
    for (const threshold of ['0', '-0.5', '1.5']) {
      const res = await runDupes(home, ['--mode', 'similar', '--threshold', threshold]);
      expect(res, threshold).toEqual({ code: 2, stdout: '', stderr: `shoebox: the similar threshold must be a number in (0, 1], got ${Number(threshold)}\n` });
    }
    // Refused before anything opens: no model asked for, no library made, no lock taken (--trash).
    const bare = tempDir();
    const refused = await shoebox(['--home', bare, 'dupes', '--mode', 'similar', '--threshold', '0', '--trash', '--yes']);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'shoebox: the similar threshold must be a number in (0, 1], got 0\n' });
    expect(fs.readdirSync(bare)).toEqual([]);
  });

  it('a --folder outside the library is refused in one line, and the saved report stays', async () => {
    const { home, dir } = await indexedHome();
    const first = await runDupes(home, ['--json']);
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as Group[]).length).toBeGreaterThan(0);
    // The report the app reviews, as the scan saved it.
    const reports = path.join(home, 'duplicates');
    const saved = () => fs.readdirSync(reports).map((f) => fs.readFileSync(path.join(reports, f), 'utf8'));
    const before = saved();
    expect(before.join('')).toContain('"groups"');
    const mistyped = await runDupes(home, ['--json', '--folder', `${dir}-nope`]);
    expect(mistyped.code).toBe(1);
    expect(mistyped.stderr).toBe(`shoebox: not in the library: ${dir}-nope (no library folder holds it); the duplicates report is left as it was\n`);
    expect(saved()).toEqual(before);
  });

  it('says a --folder or --threshold scan is narrowed, and keeps both in the report the app reviews', async () => {
    const { home, dir } = await indexedHome();
    const res = await runDupes(home, ['--mode', 'all', '--threshold', '0.995', '--folder', dir, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(`shoebox: scanned only photos under ${dir}, similar shots at threshold 0.995: the app's duplicates review now shows this scan (and says so)\n`);
    const reports = path.join(home, 'duplicates');
    const saved = () => fs.readdirSync(reports).map((f) => JSON.parse(fs.readFileSync(path.join(reports, f), 'utf8')) as { folder?: string; threshold?: number });
    expect(saved()).toEqual([expect.objectContaining({ folder: dir, threshold: 0.995 })]);
    // A plain scan is the whole library's again, and says nothing of the kind.
    const whole = await runDupes(home, ['--json']);
    expect(whole.stderr).not.toMatch(/scanned only|threshold/);
    expect(saved()[0]).not.toHaveProperty('folder');
    expect(saved()[0]).not.toHaveProperty('threshold');
  });

  it('leaves groups of similar shots out of --trash, says so in one line, and moves them only with --include-similar', async () => {
    const { home, dir } = await indexedHome();
    const before = fs.readdirSync(dir).sort();
    const trashDir = tempDir('shoebox-trash-');
    const held = await runDupes(home, ['--mode', 'similar', '--threshold', '0.995', '--trash', '--yes', '--json'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(held.code, held.stderr).toBe(0);
    const groups = JSON.parse(held.stdout) as (Group & { held?: boolean })[];
    expect(groups.length).toBeGreaterThan(0);
    // Every group marked held, none of its photos trashed, none moved.
    expect(groups.map((g) => [g.held, g.members.some((m) => m.trashed)])).toEqual(groups.map(() => [true, false]));
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readdirSync(trashDir)).toEqual([]);
    const lines = held.stderr.split('\n').filter((l) => l.includes('of similar shots'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^shoebox: left out \d+ groups? of similar shots \(\d+ photos? not moved\): they are other photos, not copies; add --include-similar to move them too$/);
    // The listing a person reads marks them too.
    const text = await runDupes(home, ['--mode', 'similar', '--threshold', '0.995', '--trash', '--yes'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(text.stdout).toMatch(/^similar shots: \d+ photos {2}\(left out of --trash: similar shots\)$/m);
    expect(fs.readdirSync(trashDir)).toEqual([]);

    const included = await runDupes(home, ['--mode', 'similar', '--threshold', '0.995', '--trash', '--yes', '--include-similar', '--json'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(included.code, included.stderr).toBe(0);
    expect(included.stderr).not.toMatch(/of similar shots/);
    const red = (JSON.parse(included.stdout) as Group[]).find((g) => names(g).includes('red.jpg'))!;
    const gone = red.members.filter((m) => m.trashed).map((m) => path.basename(m.path));
    expect(gone.length).toBe(red.members.length - 1);
    expect(fs.readdirSync(path.join(trashDir, 'files'))).toEqual(expect.arrayContaining(gone));
    expect(fs.existsSync(red.keep)).toBe(true);

    // Only with --trash.
    const alone = await runDupes(home, ['--include-similar']);
    expect([alone.code, alone.stdout]).toEqual([2, '']);
  });

  it('never trashes without a confirmation: no terminal and no --yes is a usage error', async () => {
    const { home, dir } = await indexedHome();
    const before = fs.readdirSync(dir).sort();
    const trashDir = tempDir('shoebox-trash-');
    const res = await spawnDupes(home, ['--trash'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/confirmation.*--yes/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readdirSync(trashDir)).toEqual([]);
  });

  it('with --yes moves every non-keeper to the trash and out of the library', async () => {
    const { home, dir } = await indexedHome();
    const trashDir = tempDir('shoebox-trash-');
    const res = await runDupes(home, ['--trash', '--yes', '--json'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(res.code, res.stderr).toBe(0);
    const groups = JSON.parse(res.stdout) as Group[];
    const trashed = groups.flatMap((g) => g.members.filter((m) => m.trashed).map((m) => path.basename(m.path)));
    expect([...new Set(trashed)].sort()).toEqual(['a copy.jpg', 'a small.jpg', 'a wide.jpg']);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.jpg', 'b.jpg', 'blue.jpg', 'red other.jpg', 'red.jpg']);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['a copy.jpg', 'a small.jpg', 'a wide.jpg']);
    const info = fs.readFileSync(path.join(trashDir, 'info', 'a small.jpg.trashinfo'), 'utf8');
    expect(info).toMatch(new RegExp(`^\\[Trash Info\\]\\nPath=${path.join(dir, 'a%20small.jpg').replaceAll('/', '\\/')}\\nDeletionDate=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\n$`));
    const listed = JSON.parse((await shoebox(['--home', home, 'list', ...MODEL, '--json'])).stdout) as { path: string }[];
    expect(listed.map((p) => path.basename(p.path)).sort()).toEqual(['a.jpg', 'b.jpg', 'blue.jpg', 'red other.jpg', 'red.jpg']);
    const again = JSON.parse((await runDupes(home, ['--json'])).stdout);
    expect(again).toEqual([]);
  });

  it.skipIf(!haveScript)('asks on a terminal and moves nothing unless the answer is yes', async () => {
    const { home, dir } = await indexedHome();
    const before = fs.readdirSync(dir).sort();
    const trashDir = tempDir('shoebox-trash-');
    const declined = runDupesOnTerminal(home, ['--trash'], 'n', { SHOEBOX_TRASH_DIR: trashDir });
    expect(declined.code, declined.stdout).toBe(0);
    expect(declined.stdout).toMatch(/Move 3 photos \([\d.]+ (KB|MB)\) to the trash\? \[y\/N\]/);
    // What would go, group by group with its keeper, is on the screen before the question.
    expect(declined.stdout).toMatch(/exact copies and edited versions: 4 photos\r?\n {2}keep .*\/a\.jpg\r?\n {8}.*\/a copy\.jpg[\s\S]*Move 3 photos/);
    expect(declined.stdout).toMatch(/nothing moved/);
    // One line says it: not also "moved 0 of 3 photos to the trash".
    expect(declined.stdout).not.toMatch(/moved 0 of/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);

    const accepted = runDupesOnTerminal(home, ['--trash'], 'y', { SHOEBOX_TRASH_DIR: trashDir });
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toMatch(/moved 3 of 3 photos to the trash/);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['a copy.jpg', 'a small.jpg', 'a wide.jpg']);
  });

  it('moves a trashed photo\'s own XMP sidecar with it', async () => {
    const { home, dir } = await indexedHome();
    fs.writeFileSync(path.join(dir, 'a copy.jpg.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    fs.writeFileSync(path.join(dir, 'a.jpg.xmp'), 'the keeper\'s');
    const trashDir = tempDir('shoebox-trash-');
    const res = await runDupes(home, ['--mode', 'exact', '--trash', '--yes'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['a copy.jpg', 'a copy.jpg.xmp']);
    expect(fs.readFileSync(path.join(dir, 'a.jpg.xmp'), 'utf8')).toBe('the keeper\'s');
  });

  it('remembers "keep both": keep-both records it, dupes leaves the group out and --trash spares it, decisions lists it, undo forgets it', async () => {
    const { home, dir } = await indexedHome();
    const file = (name: string) => path.join(dir, name);
    const kept = await runDupes(home, ['keep-both', file('a.jpg'), file('a copy.jpg')]);
    expect(kept.code, kept.stderr).toBe(0);
    const id = /decision ([0-9a-f]{8})/.exec(kept.stdout)?.[1];
    expect(kept.stdout, kept.stdout).toMatch(/^remembered: 2 photos are not duplicates \(decision [0-9a-f]{8}; shoebox dupes undo [0-9a-f]{8} forgets it\)\n/);

    // The exact pair is left out; the near group still shows (other versions joined), the two marked.
    const scan = await runDupes(home, ['--json']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stderr).toMatch(/1 group left out: you said they are not duplicates \(shoebox dupes decisions\)/);
    const groups = JSON.parse(scan.stdout) as (Group & { decided?: string[] })[];
    expect(groups.map((g) => [g.kind, names(g), g.decided?.map((p) => path.basename(p)).sort()])).toEqual([['near', ['a copy.jpg', 'a small.jpg', 'a wide.jpg', 'a.jpg'], ['a copy.jpg', 'a.jpg']]]);
    expect((await runDupes(home, [])).stdout).toMatch(/ {2}keep {2}.*\/a\.jpg {2}\(you said: not duplicates\)\n/);

    const listed = await runDupes(home, ['decisions', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const decisions = JSON.parse(listed.stdout) as { id: string; kind: string; applies: boolean; members: { path: string; hash: string }[] }[];
    expect(decisions.map((d) => [d.id, d.kind, d.applies, d.members.map((m) => path.basename(m.path)).sort()])).toEqual([[id, 'not-duplicates', true, ['a copy.jpg', 'a.jpg']]]);
    const text = await runDupes(home, ['decisions']);
    expect(text.stdout).toMatch(new RegExp(`^${id}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  not duplicates  2 photos\n {2}.*/a copy\\.jpg\n {2}.*/a\\.jpg\n$`));

    // The trash spares the decided copy and moves the other versions.
    const trashDir = tempDir('shoebox-trash-');
    const trashed = await runDupes(home, ['--trash', '--yes'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(trashed.code, trashed.stderr).toBe(0);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['a small.jpg', 'a wide.jpg']);
    expect(fs.existsSync(file('a copy.jpg'))).toBe(true);

    const undone = await runDupes(home, ['undo', id!]);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toBe(`forgot decision ${id}: its groups show again at the next scan\n`);
    expect(JSON.parse((await runDupes(home, ['decisions', '--json'])).stdout)).toEqual([]);
    expect((await runDupes(home, ['decisions'])).stdout).toBe('no duplicate decisions\n');
    expect((JSON.parse((await runDupes(home, ['--json'])).stdout) as Group[]).map((g) => [g.kind, names(g)])).toEqual([['exact', ['a copy.jpg', 'a.jpg']]]);

    // Bad input: one line each; nothing recorded.
    const again = await runDupes(home, ['undo', id!]);
    expect([again.code, again.stderr]).toEqual([1, `shoebox: no duplicate decision "${id}" (shoebox dupes decisions lists them)\n`]);
    const one = await runDupes(home, ['keep-both', file('a.jpg')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^shoebox: .*two or more.*\n$/);
    const outside = await runDupes(home, ['keep-both', file('a.jpg'), '/nowhere/x.jpg']);
    expect([outside.code, outside.stderr]).toEqual([1, 'shoebox: not a photo in the library: /nowhere/x.jpg\n']);
    expect(JSON.parse((await runDupes(home, ['decisions', '--json'])).stdout)).toEqual([]);
  });

  it('warns about a group too large to have been checked, and trashes it only with --allow-large-groups', async () => {
    const dir = tempDir('shoebox-dupes-large-');
    const jpeg = await sceneJpeg(31, 64, 48);
    const count = LARGE_DUPLICATE_GROUP + 1;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `burst-${String(i).padStart(3, '0')}.jpg`), jpeg);
    const home = tempDir();
    expect((await shoebox(['--home', home, 'index', ...MODEL, dir])).code).toBe(0);
    const trashDir = tempDir('shoebox-trash-');
    const refused = await runDupes(home, ['--mode', 'exact', '--trash', '--yes'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`warning: one group has ${count} photos`));
    expect(refused.stderr).toMatch(/--allow-large-groups/);
    expect(fs.readdirSync(dir)).toHaveLength(count);
    expect(fs.readdirSync(trashDir)).toEqual([]);

    const allowed = await runDupes(home, ['--mode', 'exact', '--trash', '--yes', '--allow-large-groups'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(new RegExp(`warning: one group has ${count} photos`));
    expect(fs.readdirSync(dir)).toEqual(['burst-000.jpg']);
    expect(fs.readdirSync(path.join(trashDir, 'files'))).toHaveLength(count - 1);
  });
});
