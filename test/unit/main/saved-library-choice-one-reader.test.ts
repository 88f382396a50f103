// library-choice.json (Settings → Library) is read by one reader in the core for the app and
// the CLI, so a file either could take differently (not JSON, a relative folder, an S3 prefix
// with spaces, a folder where the file should be) opens the same library in both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSavedLibraryChoice } from '../../../src/core/index';
import { resolvedLibrary } from '../../../src/cli/global-options';
import { LibrarySetting, type SecretBox } from '../../../src/main/library-setting';

/** No keys are read here: a box that holds none. */
const box: SecretBox = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'unknown', encryptString: () => Buffer.alloc(0), decryptString: () => '' };

function homeWith(file: string | 'folder' | null): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-choice-reader-'));
  const where = path.join(home, 'library-choice.json');
  if (file === 'folder') fs.mkdirSync(where);
  else if (file !== null) fs.writeFileSync(where, file);
  return home;
}

describe('the saved library choice, as the app and the CLI read it', () => {
  const absolute = path.join(os.tmpdir(), 'chosen library');
  const rows: [string, string | 'folder' | null, object][] = [
    ['no file', null, { kind: 'default' }],
    ['not JSON', '{"kind": "local", "folder": ', { kind: 'default' }],
    ['a folder in place of the file', 'folder', { kind: 'default' }],
    ['a relative folder', JSON.stringify({ kind: 'local', folder: 'photos/library' }), { kind: 'default' }],
    ['an absolute folder with a space', JSON.stringify({ kind: 'local', folder: ` ${absolute} ` }), { kind: 'local', folder: absolute }],
    ['an S3 prefix with spaces and stray slashes', JSON.stringify({ kind: 's3', bucket: 'my-bucket', prefix: '/family photos//2024/', region: ' eu-west-1 ' }), { kind: 's3', bucket: 'my-bucket', prefix: 'family photos/2024', region: 'eu-west-1' }],
    ['an S3 bucket with a space', JSON.stringify({ kind: 's3', bucket: 'my bucket', prefix: '' }), { kind: 'default' }],
    ['an unknown kind', JSON.stringify({ kind: 'ftp' }), { kind: 'default' }],
  ];

  it.each(rows)('%s', (_name, file, choice) => {
    const home = homeWith(file);
    expect(readSavedLibraryChoice(home)).toEqual(choice);
    expect(new LibrarySetting(home, box, {}).choice()).toEqual(choice);
    const cli = resolvedLibrary({ home }, {});
    if ((choice as { kind: string }).kind === 'default') expect(cli).toEqual({ from: 'default' });
    else expect(cli).toMatchObject({ from: 'saved', choice });
  });
});
