// The one line an error is: a newline the message holds joins its cause on the next line
// (commander's "(Did you mean …?)"), but a newline inside a path or name the user typed is
// that path's, shown `\n` as everywhere else in text output, never as a space; a URL's user
// name and password are never repeated, whichever message quoted it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLine, withoutUriSecrets } from '../../src/cli/output';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('errorLine', () => {
  it('joins the lines of a message, but shows a newline in a typed path as \\n', () => {
    expect(errorLine("unknown command 'serach'\n(Did you mean search?)", ['serach'])).toBe("shoebox: unknown command 'serach' (Did you mean search?)");
    const folder = '/tmp/x\u001b[31mRED\nline';
    expect(errorLine(new Error(`folder not found: ${folder}`), ['index', folder])).toBe('shoebox: folder not found: /tmp/x\\x1b[31mRED\\nline');
    // Quoted by the message as the absolute path it stands for, or as an option's value.
    const relative = 'a\nb.jpg';
    expect(errorLine(`image not found: ${path.resolve(relative)}`, ['similar', relative])).toBe(`shoebox: image not found: ${path.resolve('a')}\\nb.jpg`);
    expect(errorLine(`not a folder: ${folder}\ncheck the path`, [`--to=${folder}`])).toBe('shoebox: not a folder: /tmp/x\\x1b[31mRED\\nline check the path');
    // A path inside the one typed keeps its newline too; untyped newlines still join.
    expect(errorLine(`cannot read ${folder}/IMG 1.jpg:\n  damaged`, [folder])).toBe('shoebox: cannot read /tmp/x\\x1b[31mRED\\nline/IMG 1.jpg: damaged');
    expect(errorLine('one\ntwo')).toBe('shoebox: one two');
  });

  it("never repeats a URL's user name and password, nor what follows its ? or #", () => {
    expect(withoutUriSecrets('cannot reach http://user:secretpw@127.0.0.1:18082 (no: http://user:secretpw@127.0.0.1:18082/api/x)')).toBe('cannot reach http://…@127.0.0.1:18082 (no: http://…@127.0.0.1:18082/api/x)');
    // A password holding "@" is cut whole; a key after "?" as before.
    expect(withoutUriSecrets('"https://me:p@ss@hub.example/x?token=abc" failed')).toBe('"https://…@hub.example/x…" failed');
    expect(withoutUriSecrets('s3://bucket/lib and me@example.com, http://host/a@b')).toBe('s3://bucket/lib and me@example.com, http://host/a@b');
    const line = errorLine(new Error('cannot reach http://user:secretpw@127.0.0.1:1 (fetch failed)'));
    expect(line).toBe('shoebox: cannot reach http://…@127.0.0.1:1 (fetch failed)');
  });
});

describe('shoebox error lines', () => {
  const typed = path.join(tempDir(), 'x\u001b[31mRED\nline');
  const shown = `${path.dirname(typed)}/x\\x1b[31mRED\\nline`;

  it('show a newline in a path typed as \\n in every command that names it', { timeout: 120_000 }, async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-error-line-');
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    const cases: [string[], number, string][] = [
      [['index', ...MODEL, typed], 1, `folder not found: ${shown}`],
      [['folders', 'remove', ...MODEL, typed], 1, `not a library folder: ${shown}`],
      [['similar', ...MODEL, typed], 1, `no such file: ${shown}`],
      [['import', ...MODEL, typed, '--to', photos], 1, `nothing to import from: ${shown} is not a folder`],
      [['albums', 'show', ...MODEL, typed], 1, `no album named "${shown}" (shoebox albums list)`],
      [['labels', 'show', ...MODEL, typed], 1, `no label set named "${shown}" in the library (shoebox labels list)`],
    ];
    for (const [args, code, message] of cases) expect(await run(...args), args[0]).toEqual({ code, stdout: '', stderr: `shoebox: ${message}\n` });
    // A message of two lines is still one.
    expect(await run('serach')).toEqual({ code: 2, stdout: '', stderr: "shoebox: unknown command 'serach' (Did you mean search?)\n" });
  });

  it('dupes undo refuses an id that is none, escaped as the CLI escapes, before anything opens', async () => {
    const home = tempDir();
    expect(await shoebox(['--home', home, 'dupes', 'undo', 'x\u001b\ny'])).toEqual({ code: 2, stdout: '', stderr: 'shoebox: no duplicate decision "x\\x1b\\ny": an id is 8 hex digits, as shoebox dupes decisions lists them\n' });
    // A well-formed id no decision has is as before: exit 1.
    expect(await shoebox(['--home', home, 'dupes', 'undo', '0123ABCD'])).toEqual({ code: 1, stdout: '', stderr: 'shoebox: no duplicate decision "0123abcd" (shoebox dupes decisions lists them)\n' });
  });
});
