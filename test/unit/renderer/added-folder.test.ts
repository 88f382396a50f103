// What the app says after "Add folder" (issue 17: adding a folder inside a library folder
// changed nothing visible; the sidebar kept its list and no message said why).
import { describe, expect, it } from 'vitest';
import { addedFolderNote } from '../../../src/renderer/lib/added-folder';

describe('the note after adding a folder', () => {
  const folders = ['/home/me/Pictures', '/data/Photos 2020'];

  it('a folder inside a library folder is said to be part of it', () => {
    expect(addedFolderNote('/home/me/Pictures/2019/trip', folders)).toBe(
      '/home/me/Pictures/2019/trip is inside the library folder /home/me/Pictures: its photos are indexed as part of it, not as a folder of their own.',
    );
    expect(addedFolderNote('C:\\Users\\me\\Pictures\\trip', ['C:\\Users\\me\\Pictures'])).toMatch(/^C:\\Users\\me\\Pictures\\trip is inside the library folder C:\\Users\\me\\Pictures:/);
  });

  it('a folder of its own, or one that took in folders inside it, needs no note (the sidebar shows it)', () => {
    expect(addedFolderNote('/home/me/Pictures', folders)).toBeNull();
    expect(addedFolderNote('/home/me/Pictures-old', folders)).toBeNull(); // a sibling with a longer name is not inside
    expect(addedFolderNote('/data', ['/data'])).toBeNull();
  });
});
