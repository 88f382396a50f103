import { describe, expect, it } from 'vitest';
import { pathFromPhotoId, photoId } from '../../../src/core/api/photo-id';

describe('photo ids', () => {
  it('round-trip any absolute path, unicode, spaces and quotes included', () => {
    for (const p of ['/photos/a.jpg', '/photos/été 2024/"quoted" \'file\'.heic', '/x/..hidden/../y.png', 'C:\\\\Users\\\\me\\\\a.jpg'.replace(/^C:/, '/c')]) {
      const id = photoId(p);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(pathFromPhotoId(id)).toBe(p);
    }
  });

  it('refuse anything we could not have made', () => {
    expect(pathFromPhotoId('')).toBeNull();
    expect(pathFromPhotoId('../etc/passwd')).toBeNull();
    expect(pathFromPhotoId('%2Fetc%2Fpasswd')).toBeNull();
    expect(pathFromPhotoId(Buffer.from('relative/a.jpg').toString('base64url'))).toBeNull();
    expect(pathFromPhotoId(Buffer.from('/a\0b').toString('base64url'))).toBeNull();
    // Padding or a non-canonical tail would let two ids name one path.
    expect(pathFromPhotoId(`${photoId('/a.jpg')}=`)).toBeNull();
    expect(pathFromPhotoId(Buffer.from([0x2f, 0xff, 0xfe]).toString('base64url'))).toBeNull();
  });
});
