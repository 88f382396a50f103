// A library folder seen under another path on this device (src/core/library/folder-mapping.ts):
// paths go to the device and back by whole folder components, across separator styles, and
// a mapping that would make two library folders overlap on this device is refused.
import { describe, expect, it } from 'vitest';
import { FolderMap, mappingConflict } from '../../../src/core/library/folder-mapping';

describe('folder mapping', () => {
  const map = new FolderMap([
    { library: '/mnt/nas/photos', device: '/Volumes/photos' },
    { library: 'C:\\Users\\ann\\Pictures', device: '/home/ann/pictures' },
    { library: '/same', device: '/same' },
  ]);

  it('turns library paths into this device\'s and back', () => {
    expect(map.toDevice('/mnt/nas/photos')).toBe('/Volumes/photos');
    expect(map.toDevice('/mnt/nas/photos/2021/a b.jpg')).toBe('/Volumes/photos/2021/a b.jpg');
    expect(map.toLibrary('/Volumes/photos/2021/a b.jpg')).toBe('/mnt/nas/photos/2021/a b.jpg');
    // Only whole components: a sibling with the same prefix is not inside.
    expect(map.toDevice('/mnt/nas/photos2/x.jpg')).toBe('/mnt/nas/photos2/x.jpg');
    expect(map.toLibrary('/Volumes/photos-old/x.jpg')).toBe('/Volumes/photos-old/x.jpg');
    // Unmapped paths stay as they are.
    expect(map.toDevice('/elsewhere/x.jpg')).toBe('/elsewhere/x.jpg');
  });

  it('maps a folder kept with Windows separators to a POSIX path and back', () => {
    expect(map.toDevice('C:\\Users\\ann\\Pictures\\2020\\IMG 1.jpg')).toBe('/home/ann/pictures/2020/IMG 1.jpg');
    expect(map.toLibrary('/home/ann/pictures/2020/IMG 1.jpg')).toBe('C:\\Users\\ann\\Pictures\\2020\\IMG 1.jpg');
  });

  it('a mapping to the folder\'s own path is none', () => {
    expect(map.mappings.map((m) => m.library)).not.toContain('/same');
    expect(new FolderMap([{ library: '/a', device: '/a' }]).empty).toBe(true);
  });

  it('refuses device paths at, inside or around another library folder here', () => {
    const others = new Map([
      ['/mnt/nas/photos', '/Volumes/photos'],
      ['/home/ann/scans', '/home/ann/scans'],
    ]);
    expect(mappingConflict('/x', '/Volumes/photos/2021', others)).toBe('it overlaps /Volumes/photos, where the library folder /mnt/nas/photos is on this device');
    expect(mappingConflict('/x', '/home/ann', others)).toBe('it overlaps the library folder /home/ann/scans');
    expect(mappingConflict('/x', '/home/ann/scans', others)).toBe('it overlaps the library folder /home/ann/scans');
    expect(mappingConflict('/x', '/Volumes/photos2', others)).toBeNull();
    // Its own current place is no conflict.
    expect(mappingConflict('/mnt/nas/photos', '/Volumes/photos', others)).toBeNull();
  });
});
