// The hub's address as the user gave it: `--endpoint ""` is a usage error (exit 2, one line),
// not a silent fall back to huggingface.co; and a hub that cannot be reached is named, with
// advice to set SHOEBOX_HF_ENDPOINT only when no mirror was given (a mirror given is the one down).
import { describe, expect, it } from 'vitest';
import { FakeHub } from '../helpers/fake-hub';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';
import { networkError } from '../../src/core/models/hub-client';

const ID = 'vit-b-32-laion2b';

describe('shoebox models install --endpoint ""', () => {
  it('is a usage error in one line, naming the option, and reaches no hub', async () => {
    const res = await shoebox(['--home', tempDir(), 'models', 'install', ID, '--endpoint', ''], { SHOEBOX_HF_ENDPOINT: undefined, HF_ENDPOINT: undefined });
    expect([res.code, res.stdout]).toEqual([2, '']);
    expect(res.stderr).toBe('shoebox: --endpoint is empty: give a hub URL (e.g. https://huggingface.co), or leave it out for the default\n');
  });
});

describe('a mirror that cannot be reached', () => {
  it('is named, without advice to set the variable that named it', async () => {
    const hub = await FakeHub.start();
    const url = hub.url;
    await hub.close();
    for (const [args, env] of [
      [['--endpoint', url], {}],
      [[], { SHOEBOX_HF_ENDPOINT: url }],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const res = await shoebox(['--home', tempDir(), 'models', 'install', ID, ...args], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toBe(`shoebox: cannot reach ${url} (ECONNREFUSED); check the connection and that the mirror ${url} is running and its address is right\n`);
    }
  });

  it('huggingface.co itself still suggests a mirror', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    expect(networkError(err, 'https://huggingface.co').message).toBe('cannot reach https://huggingface.co (ENOTFOUND); check the connection, or set SHOEBOX_HF_ENDPOINT to a mirror');
  });
});
