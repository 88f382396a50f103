// Settings → Inference is told which provider was asked for (EngineInfo.providers.asked), and,
// for a settings.json "provider" that names none ("gpu"), the core's one line about it, the
// same the terminal writes on stderr and the app's log keeps (core/settings.ts providerSetting):
// the screen showed nothing of it, the engine quietly on auto.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineInfo } from '../../src/core/engine-info';
import { tempDir } from '../helpers/images';
import { shoebox } from '../cli/run-cli';

const KNOWN = '(auto, cuda, dml, coreml, webgpu or cpu)';

function homeWith(settings: object): string {
  const home = tempDir();
  fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify(settings));
  return home;
}

describe('the provider asked for, in the engine info', () => {
  it('carries a settings.json "provider" that names no provider, in the line the CLI says', async () => {
    const home = homeWith({ provider: 'gpu' });
    const line = `${path.join(home, 'settings.json')}: "provider": unknown execution provider "gpu" ${KNOWN}; using auto`;
    // The engine was started on auto because of it (program.ts, main/provider-choice.ts).
    const info = await engineInfo(home, 'auto')();
    expect(info.providers).toMatchObject({ asked: 'gpu', askedProblem: line });
    const cli = await shoebox(['--home', home, 'info']);
    expect(cli.stderr).toBe(`shoebox: ${line}\n`);
  });

  it('carries the provider the engine was started with, and nothing for auto', async () => {
    expect((await engineInfo(homeWith({ provider: 'cpu' }), 'cpu')()).providers).toMatchObject({ asked: 'cpu', askedProblem: null });
    expect((await engineInfo(homeWith({}), 'auto')()).providers).toMatchObject({ asked: null, askedProblem: null });
  });
});
