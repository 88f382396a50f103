// A command stalled on a promise nothing settles must not end as a silent success (exit 0,
// no summary): it fails with one line. A command that returns is not touched.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/models/paths';

function runScript(body: string) {
  const script = `import { guardUnsettledCommand } from './src/cli/unsettled-guard.ts';\nlet returned = false;\nguardUnsettledCommand(() => returned);\n${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('guardUnsettledCommand', () => {
  it('a command left waiting on nothing exits 1 with one line on stderr', () => {
    const r = runScript('await new Promise(() => {});\nreturned = true;');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^shoebox: internal error: the command stopped with nothing left to wait on/)]);
  });

  it('a command that returns keeps its exit code and prints nothing more', () => {
    const r = runScript('await new Promise((resolve) => setTimeout(resolve, 10));\nreturned = true;\nprocess.exitCode = 3;');
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('');
  });
});
