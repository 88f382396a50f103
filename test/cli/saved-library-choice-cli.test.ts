// The desktop app and the CLI open the same library from one home: the app's saved choice
// (Settings → Library, library-choice.json) is the CLI's too, under SHOEBOX_LIBRARY and
// --library (shared/home-library.ts). Before, `status` and `index` read or indexed
// <home>/library, an empty other library, while the app showed the chosen one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** A home whose app chose `choice` in Settings → Library (the file as the app writes it). */
function homeChoosing(choice: object): string {
  const home = tempDir('shoebox-chosen-home-');
  fs.writeFileSync(path.join(home, 'library-choice.json'), JSON.stringify(choice, null, 1));
  return home;
}

const libraryLine = (stdout: string) => stdout.split('\n').find((l) => l.trimStart().startsWith('library: '))?.trim();

describe("the app's saved library choice, in the CLI", () => {
  it('status and index open the folder the app chose, not <home>/library', async () => {
    const chosen = tempDir('shoebox-chosen-library-');
    const home = homeChoosing({ kind: 'local', folder: chosen });
    const photos = tempDir('shoebox-chosen-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);

    const empty = await shoebox(['--home', home, 'status', ...MODEL]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(libraryLine(empty.stdout)).toBe(`library: ${chosen}`);

    const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
    expect(index.code, index.stderr).toBe(0);
    expect(JSON.parse(index.stdout)).toMatchObject({ added: 1 });
    // Indexed into the chosen folder: the app sees the photo, and <home>/library is not made.
    const there = JSON.parse((await shoebox(['--library', chosen, '--home', tempDir('shoebox-other-home-'), 'status', ...MODEL, '--json'])).stdout);
    expect(there).toMatchObject({ library: chosen, photos: 1 });
    expect(fs.existsSync(path.join(home, 'library'))).toBe(false);

    const info = await shoebox(['--home', home, 'info']);
    expect(libraryLine(info.stdout)).toBe(`library: ${chosen}`);
  });

  it('SHOEBOX_LIBRARY wins over the saved choice, and --library over both', async () => {
    const chosen = tempDir('shoebox-chosen-library-');
    const fromVariable = tempDir('shoebox-variable-library-');
    const fromFlag = tempDir('shoebox-flag-library-');
    const home = homeChoosing({ kind: 'local', folder: chosen });

    const variable = await shoebox(['--home', home, 'status', ...MODEL, '--json'], { SHOEBOX_LIBRARY: fromVariable });
    expect(variable.code, variable.stderr).toBe(0);
    expect(JSON.parse(variable.stdout)).toMatchObject({ library: fromVariable });

    const flag = await shoebox(['--home', home, '--library', fromFlag, 'status', ...MODEL, '--json'], { SHOEBOX_LIBRARY: fromVariable });
    expect(flag.code, flag.stderr).toBe(0);
    expect(JSON.parse(flag.stdout)).toMatchObject({ library: fromFlag });
  });

  it('a missing or unusable choice file is <home>/library; a malformed SHOEBOX_LIBRARY is still a usage error', async () => {
    const home = tempDir('shoebox-chosen-home-');
    fs.writeFileSync(path.join(home, 'library-choice.json'), '{ "kind": "local", "folder": "relative/path" }');
    const status = await shoebox(['--home', home, 'status', ...MODEL, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ library: path.join(home, 'library') });

    const bad = await shoebox(['--home', home, 'status', ...MODEL], { SHOEBOX_LIBRARY: 's3:/family' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^shoebox: SHOEBOX_LIBRARY: bad library location s3:\/…/);
  });

  it("an S3 choice: named, and opened at the choice's endpoint with the AWS variables (the app's keys stay the app's)", async () => {
    const home = homeChoosing({ kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://127.0.0.1:9' });
    const env = { AWS_ACCESS_KEY_ID: 'AKIACHOSEN', AWS_SECRET_ACCESS_KEY: 'chosen-secret-5a4b3c2d1e', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: undefined };
    const info = await shoebox(['--home', home, 'info'], env);
    expect(info.code, info.stderr).toBe(0);
    expect(libraryLine(info.stdout)).toBe('library: s3://family/photos');

    // Port 9 (discard) refuses at once: the one line names the choice's endpoint.
    const status = await shoebox(['--home', home, 'status', ...MODEL], env);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('s3://family/photos');
    expect(status.stderr).toContain('http://127.0.0.1:9');
    expect(status.stderr).not.toContain(env.AWS_SECRET_ACCESS_KEY);
  });
  it("an S3 choice opened with no keys of the CLI's own: the line says it is the app's library and where keys go", async () => {
    const home = homeChoosing({ kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://127.0.0.1:9' });
    const none = tempDir('shoebox-no-aws-');
    const env = {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: path.join(none, 'credentials'),
      AWS_CONFIG_FILE: path.join(none, 'config'),
    };
    const status = await shoebox(['--home', home, 'status', ...MODEL], env);
    expect(status.code).toBe(1);
    const lines = status.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^shoebox: no S3 credentials found for .*s3:\/\/family\/photos is the desktop app's library, chosen in Settings → Library.*~\/\.aws\/credentials or AWS_ACCESS_KEY_ID/);
  });
});
