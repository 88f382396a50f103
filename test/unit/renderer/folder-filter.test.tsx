// The search's Folder filter: offered whenever there is a choice, a library of one folder
// with subfolders included, its subfolders indented under it with their photo counts.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FolderFilterSelect } from '../../../src/renderer/components/FolderFilter';
import { folderChoices } from '../../../src/renderer/lib/folder-choices';

const LIB = '/home/me/lib1';
const ONE_ROOT = [
  { path: LIB, photos: 5 },
  { path: `${LIB}/animals`, photos: 2 },
  { path: `${LIB}/cams`, photos: 2 },
  { path: `${LIB}/cams/old`, photos: 1 },
  { path: `${LIB}/text`, photos: 1 },
];
const NBSP3 = '\u00a0\u00a0\u00a0';
const select = (folders: typeof ONE_ROOT, value = '') => renderToStaticMarkup(<FolderFilterSelect folders={folders} value={value} onChange={() => {}} />);

describe('the folder filter', () => {
  it('is offered for a library of one folder with subfolders, each subfolder a choice', () => {
    const html = select(ONE_ROOT);
    expect(html).toContain('<span>Folder</span>');
    expect(html).toContain(`<option value="${LIB}/cams/old" title="${LIB}/cams/old">${NBSP3}${NBSP3}old (1 photo)</option>`);
    expect(html).toContain(`<option value="${LIB}/animals" title="${LIB}/animals">${NBSP3}animals (2 photos)</option>`);
  });

  it('is not offered with nothing to choose, unless the URL already asks for a folder', () => {
    expect(select([{ path: LIB, photos: 5 }])).toBe('');
    expect(select([{ path: LIB, photos: 5 }], `${LIB}/gone`)).toContain(`<option value="${LIB}/gone" title="${LIB}/gone" selected="">${LIB}/gone</option>`);
  });

  it('indents each folder under the one holding it, and tells two top folders of one name apart', () => {
    const choices = folderChoices([{ path: '/a/Photos', photos: 2 }, { path: '/a/Photos/x', photos: 2 }, { path: '/a/Photos x', photos: 1 }, { path: '/b/Photos', photos: 1 }], '');
    expect(choices.map((c) => [c.depth, c.label])).toEqual([
      [0, 'a/Photos (2 photos)'],
      [1, `${NBSP3}x (2 photos)`],
      [0, 'Photos x (1 photo)'],
      [0, 'b/Photos (1 photo)'],
    ]);
  });
});
