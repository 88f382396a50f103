// A command group named without a subcommand (`shoebox tags`, `shoebox favourites`, or
// `shoebox` alone) prints its help as --help does: on stdout, exit 0, nothing on stderr
// (README conventions: stderr holds one-line errors). Every group, by the program's own list.
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { buildProgram } from '../../src/cli/program';
import { tempDir } from '../helpers/images';

// Groups that run nothing by themselves (`dupes` scans: it has its own action).
const groups = buildProgram()
  .commands.filter((c) => c.commands.length > 0 && (c as unknown as { _actionHandler: unknown })._actionHandler === null)
  .map((c) => c.name());

describe('a group without a subcommand', () => {
  it('has groups to check', () => {
    expect(groups).toEqual(expect.arrayContaining(['favourites', 'tags', 'folders', 'archive', 'models']));
  });

  it.each(['', ...groups])('shoebox %s prints its help on stdout, exit 0', async (name) => {
    const home = tempDir();
    const group = name ? [name] : [];
    const bare = await shoebox(['--home', home, ...group]);
    const help = await shoebox(['--home', home, ...group, '--help']);
    expect(bare).toEqual({ code: 0, stdout: help.stdout, stderr: '' });
    expect(bare.stdout).toMatch(/^Usage: shoebox/);
  });

  it('an unknown subcommand is still a usage error, one line', async () => {
    const res = await shoebox(['--home', tempDir(), 'tags', 'bogus']);
    expect(res).toEqual({ code: 2, stdout: '', stderr: "shoebox: unknown command 'bogus'\n" });
  });
});
