// A hub URL is a base the API's paths are appended to: with a query or a fragment they would
// land after it ("http://mirror/?token=X/api/models/..."). So one is refused as a usage error
// (exit 2, one line) before any request, and what follows `?` or `#` (a token, often) is never
// repeated, whether it came from --endpoint, SHOEBOX_HF_ENDPOINT or HF_ENDPOINT.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHub } from '../helpers/fake-hub';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const ID = 'vit-b-32-laion2b';
let hub: FakeHub;

beforeEach(async () => {
  hub = await FakeHub.start();
});
afterEach(async () => {
  await hub.close();
});

describe('shoebox models install --endpoint with a query or fragment', () => {
  it('is a usage error that never repeats the query or fragment, and asks nothing of the hub', async () => {
    const home = tempDir();
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['--endpoint', `${hub.url}/?token=sekrit`], {}, '--endpoint'],
      [['--endpoint', `${hub.url}/#sekrit`], {}, '--endpoint'],
      [['--endpoint', `${hub.url}/?`], {}, '--endpoint'],
      [[], { SHOEBOX_HF_ENDPOINT: `${hub.url}/mirror?sekrit=1` }, 'SHOEBOX_HF_ENDPOINT'],
      [[], { SHOEBOX_HF_ENDPOINT: undefined, HF_ENDPOINT: `${hub.url}#sekrit` }, 'HF_ENDPOINT'],
    ];
    for (const [args, env, source] of cases) {
      const res = await shoebox(['--home', home, 'models', 'install', ID, ...args], env);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(new RegExp(`^shoebox: ${source}: a hub URL takes no query or fragment \\(http://127\\.0\\.0\\.1:\\d+/(mirror)?…\\)`));
      expect(res.stderr.split('\n')).toHaveLength(2); // one line
      expect(res.stderr).not.toMatch(/sekrit|token/);
    }
    expect(hub.requests).toEqual([]);
  });

  it('never repeats a query in the line for a URL that is none either', async () => {
    const res = await shoebox(['--home', tempDir(), 'models', 'install', ID, '--endpoint', 'ftp://mirror/?token=sekrit']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('shoebox: --endpoint: "ftp://mirror/…" is not an http(s) URL (expected e.g. https://huggingface.co)\n');
  });
});
