// A library on an endpoint that never answered (a mistyped port): every command, writers
// included, says "cannot reach" (README "Libraries on object storage"), never "lost the
// connection … what was committed is kept", which would tell the user something was written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
// Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
const ENV = { AWS_ACCESS_KEY_ID: 'key', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
const CANNOT_REACH = /^shoebox: cannot reach s3:\/\/shoebox\/family at http:\/\/127\.0\.0\.1:9: ECONNREFUSED$/;

describe('a library whose endpoint never answered', () => {
  it('is "cannot reach" for writing commands as for reading ones', { timeout: 120_000 }, async () => {
    const home = tempDir('shoebox-never-reached-');
    const photos = tempDir('shoebox-never-reached-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const commands = [
      ['search', ...MODEL, 'fish'],
      ['index', ...MODEL, photos],
      ['favourites', 'add', ...MODEL, path.join(photos, 'red.jpg')],
      ['copy-library', path.join(tempDir('shoebox-never-reached-to-'), 'copy')],
    ];
    for (const command of commands) {
      const res = await shoebox(['--home', home, '--library', 's3://shoebox/family', '--provider', 'cpu', ...command], ENV);
      expect(res.code, `${command[0]}: ${res.stderr}`).toBe(1);
      expect(res.stderr.trim(), command[0]).toMatch(CANNOT_REACH);
    }
  });
});
