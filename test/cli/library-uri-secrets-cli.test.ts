// A library location with a key pasted after `?` or `#` (a presigned S3 URL, a token) is a
// usage error, exit 2, in one line that never repeats what follows the `?` or `#`: given as
// --library (commander's own message used to quote the whole argument), as SHOEBOX_LIBRARY, or
// as the target of copy-library. Nothing is opened or created.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runShoebox, shoebox } from './run-cli';
import { tempDir } from '../helpers/images';

const SECRET = 'SIGSECRET';
const TOKEN = 'TOPSECRET2';
const LOCATIONS = [`s3://fam/shoe?X-Amz-Signature=${SECRET}`, `s3://fam/shoe#${TOKEN}`, `ftp://nas/lib?key=${SECRET}`, `s3://fam:${SECRET}@bucket/lib`];

function expectOneSafeUsageLine(res: { code: number; stdout: string; stderr: string }, what: string): void {
  expect(res.code, `${what}: ${res.stderr}`).toBe(2);
  expect(res.stdout, what).toBe('');
  expect(res.stderr.trim().split('\n'), what).toHaveLength(1);
  expect(res.stderr, what).toMatch(/^shoebox: .*library location/);
  expect(res.stderr, what).not.toContain(SECRET);
  expect(res.stderr, what).not.toContain(TOKEN);
  expect(res.stderr, what).not.toContain('X-Amz-Signature');
}

describe('a library location with a key in it', () => {
  it('is a usage error that never repeats the key, from --library, SHOEBOX_LIBRARY and the copy-library target', async () => {
    const home = tempDir();
    for (const uri of LOCATIONS) {
      for (const command of [['list'], ['status'], ['copy-library', tempDir()]]) {
        expectOneSafeUsageLine(await shoebox(['--home', home, '--library', uri, ...command]), `--library ${uri} ${command[0]}`);
        expectOneSafeUsageLine(await shoebox(['--home', home, ...command], { SHOEBOX_LIBRARY: uri }), `SHOEBOX_LIBRARY=${uri} ${command[0]}`);
      }
      expectOneSafeUsageLine(await shoebox(['--home', home, 'copy-library', uri]), `copy-library ${uri}`);
    }
    // Nothing was opened: the home holds no library.
    expect(fs.existsSync(`${home}/library`)).toBe(false);
  });

  it('says where the location came from', async () => {
    const home = tempDir();
    const flag = await shoebox(['--home', home, '--library', LOCATIONS[0]!, 'list']);
    expect(flag.stderr).toBe('shoebox: --library: bad library location s3://fam/…: no "?" or "#" (keys go in the AWS variables or files, the endpoint in AWS_ENDPOINT_URL)\n');
    const env = await shoebox(['--home', home, 'list'], { SHOEBOX_LIBRARY: LOCATIONS[1]! });
    expect(env.stderr).toBe('shoebox: SHOEBOX_LIBRARY: bad library location s3://fam/…: no "?" or "#" (keys go in the AWS variables or files, the endpoint in AWS_ENDPOINT_URL)\n');
  });

  it('exits 2 through the bin too', async () => {
    const res = await runShoebox(['--home', tempDir(), '--library', LOCATIONS[0]!, 'list']);
    expectOneSafeUsageLine(res, 'bin');
  });
});
