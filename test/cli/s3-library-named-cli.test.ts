// `status` and `info` name the library they read: its folder, or s3://bucket/prefix, never the
// endpoint nor a key (a mistyped --library or SHOEBOX_LIBRARY reads as an empty library, and
// only this line says which one). No S3 server is needed: `info` opens no library, and a local
// library shows the folder.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const secret = 'named-library-secret-0f9e8d7c';
const env = { AWS_ACCESS_KEY_ID: 'AKIANAMED', AWS_SECRET_ACCESS_KEY: secret, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9/' };

describe('the library a command reads, named', () => {
  it('status: the folder, in the text and in --json', async () => {
    const home = tempDir('shoebox-named-');
    const text = await shoebox(['--home', home, 'status']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')).toContain(`  library: ${path.join(home, 'library')}`);
    const elsewhere = tempDir('shoebox-named-elsewhere-');
    const json = await shoebox(['--home', home, '--library', elsewhere, 'status', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { library: string }).library).toBe(elsewhere);
  });

  it('info: the default folder, --library, SHOEBOX_LIBRARY, an S3 prefix without endpoint or keys', async () => {
    const home = tempDir('shoebox-named-info-');
    const plain = await shoebox(['--home', home, 'info']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n')).toContain(`library: ${path.join(home, 'library')}`);

    const s3 = await shoebox(['--home', home, '--library', 's3://family/photos/', 'info', '--json'], env);
    expect(s3.code, s3.stderr).toBe(0);
    expect((JSON.parse(s3.stdout) as { library: string }).library).toBe('s3://family/photos');
    const fromEnv = await shoebox(['--home', home, 'info'], { ...env, SHOEBOX_LIBRARY: 's3://family' });
    expect(fromEnv.stdout.split('\n')).toContain('library: s3://family');
    for (const out of [s3.stdout, fromEnv.stdout]) {
      expect(out).not.toContain(secret);
      expect(out).not.toContain('127.0.0.1:9');
    }
  });
});
