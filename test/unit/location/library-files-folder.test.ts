// A local library's files (thumbnails, duplicates report and decisions, calibration) in a
// folder: where they live for the default library and for one elsewhere, atomic writes,
// listing, and keys that cannot leave the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryDecisions, loadDecisions } from '../../../src/core/dupes/decisions-file';
import { libraryReport, loadReport } from '../../../src/core/dupes/report-store';
import { FolderFiles, LibraryLocation, libraryFile, libraryFilesFor } from '../../../src/core/location';
import { modelKey } from '../../../src/core/store/model-key';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-files-'));

describe('FolderFiles', () => {
  it('reads, replaces, writes once, lists, stamps and removes files by key', async () => {
    const root = temp();
    const files = new FolderFiles(root);
    expect(await files.read('duplicate-decisions.json')).toBeNull();
    expect(await files.stamp('duplicate-decisions.json')).toBeNull();
    await files.write('duplicate-decisions.json', '{"a":1}');
    expect(fs.readFileSync(path.join(root, 'duplicate-decisions.json'), 'utf8')).toBe('{"a":1}');
    const stamp = await files.stamp('duplicate-decisions.json');
    await files.write('duplicate-decisions.json', '{"a":22}');
    expect((await files.read('duplicate-decisions.json'))!.toString()).toBe('{"a":22}');
    expect(await files.stamp('duplicate-decisions.json')).not.toBe(stamp);

    expect(await files.writeNew('thumbs/ab/abcdef0123.jpg', Buffer.from('jpeg'))).toBe(true);
    expect(await files.writeNew('thumbs/ab/abcdef0123.jpg', Buffer.from('other'))).toBe(false);
    expect((await files.read('thumbs/ab/abcdef0123.jpg'))!.toString()).toBe('jpeg');
    await files.write('thumbs/cd/cdef012345.jpg', Buffer.from('x'));
    expect((await files.list('thumbs/')).sort()).toEqual(['thumbs/ab/abcdef0123.jpg', 'thumbs/cd/cdef012345.jpg']);
    expect(await files.list('nothing/')).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'thumbs', 'ab'))).toEqual(['abcdef0123.jpg']); // no temporary file left
    await files.remove('thumbs/ab/abcdef0123.jpg');
    await files.remove('thumbs/ab/abcdef0123.jpg'); // already gone: fine
    expect(await files.read('thumbs/ab/abcdef0123.jpg')).toBeNull();
  });

  it('refuses keys that would leave the folder', async () => {
    const files = new FolderFiles(temp());
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a\\b', '', 'a//b', '.hidden/x', 'a/./b']) {
      expect(() => files.where(bad), bad).toThrow(/not a library file key/);
      await expect(files.read(bad), bad).rejects.toThrow(/not a library file key/);
    }
  });

  it('gives one file of a library as a handle that prints where it is', async () => {
    const root = temp();
    const file = libraryFile(new FolderFiles(root), 'calibration/m-1234abcd.json');
    expect(file.where).toBe(path.join(root, 'calibration', 'm-1234abcd.json'));
    await file.write('{}', { durable: false });
    expect((await file.read())!.toString()).toBe('{}');
  });
});

describe('libraryFilesFor', () => {
  it('keeps the default library\'s files in the home, where they always were (no migration)', () => {
    const home = temp();
    const files = libraryFilesFor(LibraryLocation.local(path.join(home, 'library')), home);
    expect(files.root).toBe(home);
    expect(files.where('thumbs/ab/abcdef0123.jpg')).toBe(path.join(home, 'thumbs', 'ab', 'abcdef0123.jpg'));
    expect(files.where('duplicate-decisions.json')).toBe(path.join(home, 'duplicate-decisions.json'));
  });

  it('recognises the default library by its real path (a symlinked home, a name with "/.")', () => {
    const home = temp();
    const alias = path.join(temp(), 'home-link');
    fs.symlinkSync(home, alias);
    for (const named of [path.join(alias, 'library'), `${home}/./library/.`]) {
      const files = libraryFilesFor(LibraryLocation.local(named), home);
      expect(files.root, named).toBe(home);
    }
  });

  it('still reads an existing home\'s duplicate-decisions.json and duplicates/ (files written before libraries could live elsewhere)', async () => {
    const home = temp();
    const decisions = { version: 1, decisions: [{ id: '0123abcd', kind: 'not-duplicates', decidedAt: 1, members: [{ hash: 'aa', path: '/p/a.jpg' }, { hash: 'bb', path: '/p/b.jpg' }] }] };
    fs.writeFileSync(path.join(home, 'duplicate-decisions.json'), JSON.stringify(decisions));
    const model = 'ViT-B-32__openai';
    const report = {
      version: 2, modelId: model, scannedAt: 5, kinds: ['exact'], photos: 2, seconds: 0.1,
      groups: [{ kind: 'exact', keep: '/p/a.jpg', members: [{ path: '/p/a.jpg', width: 1, height: 1, bytes: 3 }, { path: '/p/b.jpg', width: 1, height: 1, bytes: 3 }] }],
      states: { '/p/a.jpg': { size: 3, mtimeMs: 1, hash: 'aa' }, '/p/b.jpg': { size: 3, mtimeMs: 1, hash: 'aa' } },
    };
    fs.mkdirSync(path.join(home, 'duplicates'));
    fs.writeFileSync(path.join(home, 'duplicates', `${modelKey(model)}.json`), JSON.stringify(report));
    const files = libraryFilesFor(LibraryLocation.local(path.join(home, 'library')), home);
    const problems: string[] = [];
    expect((await loadDecisions(libraryDecisions(files), (m) => problems.push(m))).map((d) => d.id)).toEqual(['0123abcd']);
    const loaded = await loadReport(libraryReport(files, model), model, (m) => problems.push(m));
    expect(loaded?.groups.map((g) => g.members.map((m) => m.path))).toEqual([['/p/a.jpg', '/p/b.jpg']]);
    expect(problems).toEqual([]);
  });

  it('keeps a library elsewhere together: its files inside its own folder', () => {
    const home = temp();
    const lib = temp();
    const files = libraryFilesFor(LibraryLocation.local(lib), home);
    expect(files.root).toBe(lib);
    expect(files.where('duplicates/m.json')).toBe(path.join(lib, 'duplicates', 'm.json'));
  });
});
