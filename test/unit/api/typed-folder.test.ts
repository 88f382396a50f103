// How a folder path typed into an app field is read (core/api/typed-folder.ts): trimmed, "~"
// the home folder, and a relative path refused in one line naming the field, never resolved
// against the engine's working folder. Windows' full paths (C:\x, \\server\share) are full.
import { describe, expect, it } from 'vitest';
import { typedFolder, type TypedFolderOptions } from '../../../src/core/api/typed-folder';

const posix: TypedFolderOptions = { platform: 'linux', home: '/home/me' };
const win: TypedFolderOptions = { platform: 'win32', home: 'C:\\Users\\me' };
const read = (typed: string, options = posix) => typedFolder(typed, "the export folder's full path", '/home/me/Exports', options);

describe('a typed folder path', () => {
  it('is trimmed, and "~" or a leading "~/" is the home folder', () => {
    expect(read('  /Volumes/photos/  ')).toBe('/Volumes/photos');
    expect(read(' ~ ')).toBe('/home/me');
    expect(read('~/Exports')).toBe('/home/me/Exports');
    expect(read('\t~/Exports/2024 ')).toBe('/home/me/Exports/2024');
  });

  it('keeps a "~" that is only part of a name', () => {
    expect(read('/data/~/x')).toBe('/data/~/x');
    expect(() => read('~bob/photos')).toThrow('give the export folder\'s full path, e.g. /home/me/Exports (got "~bob/photos")');
  });

  it('refuses a relative path in one line naming the field and repeating what was typed', () => {
    for (const typed of ['Exports', './Exports', '../Exports', ' card ', '']) {
      expect(() => read(typed)).toThrow(`give the export folder's full path, e.g. /home/me/Exports (got "${typed}")`);
    }
  });

  it('on Windows takes a drive path, a share and "~\\", and refuses a drive-relative one', () => {
    expect(read(' C:\\Photos\\ ', win)).toBe('C:\\Photos');
    expect(read('\\\\server\\share\\photos', win)).toBe('\\\\server\\share\\photos');
    expect(read('~\\Exports', win)).toBe('C:\\Users\\me\\Exports');
    expect(read('~/Exports', win)).toBe('C:\\Users\\me\\Exports');
    expect(() => read('C:Photos', win)).toThrow(/^give the export folder's full path, e\.g\. \/home\/me\/Exports \(got "C:Photos"\)$/);
    expect(() => read('Photos', win)).toThrow(/full path/);
  });

  it('elsewhere does not read a Windows path as full', () => {
    expect(() => read('C:\\Photos')).toThrow(/full path/);
  });
});
