// Inside a folder means below it by path components: the checks that keep a trash, an
// export or a static file server inside the folder it was given.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAtOrInside, isInside } from '../../../src/base/path-inside';
import { fileForUrlPath } from '../../../src/base/url-path-file';

const p = (...parts: string[]) => path.join(path.parse(process.cwd()).root, ...parts);

describe('isInside / isAtOrInside', () => {
  it('follows folder boundaries, not string prefixes', () => {
    expect(isInside(p('photos', 'a.jpg'), p('photos'))).toBe(true);
    expect(isInside(p('photos', 'x', 'a.jpg'), p('photos'))).toBe(true);
    expect(isInside(p('photos2', 'a.jpg'), p('photos'))).toBe(false);
    expect(isInside(p('photo'), p('photos'))).toBe(false);
  });

  it('does not count the folder itself as inside it, but isAtOrInside does (trailing separator too)', () => {
    expect(isInside(p('photos'), p('photos'))).toBe(false);
    expect(isAtOrInside(p('photos'), p('photos'))).toBe(true);
    expect(isAtOrInside(p('photos') + path.sep, p('photos'))).toBe(true);
    expect(isAtOrInside(p('photos'), p('photos') + path.sep)).toBe(true);
  });

  it('sees through ".." and keeps names that merely start with two dots', () => {
    expect(isInside(p('photos', '..', 'secrets', 'a'), p('photos'))).toBe(false);
    expect(isAtOrInside(p('photos', 'x', '..'), p('photos'))).toBe(true);
    expect(isInside(p('photos', '..hidden'), p('photos'))).toBe(true);
    expect(isInside(p('photos', '..', '..'), p('photos'))).toBe(false);
  });

  it('holds everything in the root folder, and nothing in a sibling', () => {
    expect(isInside(p('a', 'b'), p())).toBe(true);
    expect(isInside(p('a'), p('b'))).toBe(false);
    expect(isAtOrInside(p('a'), p('a', 'b'))).toBe(false);
  });
});

describe('fileForUrlPath', () => {
  const root = p('srv', 'ui');

  it('maps a URL path to the file under the folder, "/" to index.html', () => {
    expect(fileForUrlPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(fileForUrlPath(root, '/assets/app%20one.js')).toBe(path.join(root, 'assets', 'app one.js'));
  });

  it('refuses paths that climb out once decoded, a NUL, and malformed escapes', () => {
    expect(fileForUrlPath(root, '/../secret')).toBeNull();
    expect(fileForUrlPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(fileForUrlPath(root, '/..%2fui2/x')).toBeNull();
    expect(fileForUrlPath(root, '/index.html%00.png')).toBeNull();
    expect(fileForUrlPath(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('the quick comparison of normal absolute paths', () => {
  it('answers as path.relative does, on paths with and without odd parts', () => {
    const parts = ['a', 'ab', 'b', '..', '.', '..a', 'a.', ''];
    const paths: string[] = ['/'];
    for (const x of parts) for (const y of parts) paths.push(`/${x}`, `/${x}/${y}`, `/a/${x}/${y}`);
    const byRelative = (file: string, folder: string) => {
      const rel = path.posix.relative(folder, file);
      return { inside: rel !== '' && rel !== '..' && !rel.startsWith('../'), atOrInside: rel === '' || (rel !== '..' && !rel.startsWith('../')) };
    };
    if (path.sep !== '/') return; // the quick path is POSIX-only
    const wrong: string[] = [];
    for (const file of paths) {
      for (const folder of paths) {
        const want = byRelative(file, folder);
        if (isInside(file, folder) !== want.inside || isAtOrInside(file, folder) !== want.atOrInside) wrong.push(`${file} in ${folder}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
