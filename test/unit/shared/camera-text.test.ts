// A camera's name as the viewer's details and `shoebox show` say it: the maker once. The pairs
// are the Make and Model tags of ../shared/photos/exif-samples' cameras, as exiftool reads them.
import { describe, expect, it } from 'vitest';
import { cameraName, makerName } from '../../../src/shared/camera-text';

describe('cameraName', () => {
  it('is the model alone where it names the maker already', () => {
    expect(cameraName('Canon', 'Canon EOS 40D')).toBe('Canon EOS 40D');
    expect(cameraName('NIKON CORPORATION', 'NIKON D70')).toBe('NIKON D70');
    expect(cameraName('PENTAX Corporation', 'PENTAX K10D')).toBe('PENTAX K10D');
    expect(cameraName('EASTMAN KODAK COMPANY', 'KODAK CX7530 ZOOM DIGITAL CAMERA')).toBe('KODAK CX7530 ZOOM DIGITAL CAMERA');
    expect(cameraName('Jolla', 'Jolla')).toBe('Jolla');
    expect(cameraName('LG Electronics', 'LG-H850')).toBe('LG-H850');
  });

  it('puts the maker first elsewhere, without its company form', () => {
    expect(cameraName('Apple', 'iPhone 6')).toBe('Apple iPhone 6');
    expect(cameraName('NIKON', 'COOLPIX P1')).toBe('NIKON COOLPIX P1');
    expect(cameraName('OLYMPUS CORPORATION', 'C8080WZ')).toBe('Olympus C8080WZ');
    expect(cameraName('OLYMPUS IMAGING CORP.', 'u1020,S1020')).toBe('Olympus u1020,S1020');
    expect(cameraName('KONICA MINOLTA', 'DiMAGE Z3')).toBe('KONICA MINOLTA DiMAGE Z3');
    expect(cameraName('HMD Global', 'Nokia 8.3 5G')).toBe('HMD Global Nokia 8.3 5G');
    // Only a whole word of the maker's names it: "HTCONE" is not "HTC" + "ONE".
    expect(cameraName('HTC', 'HTCONE')).toBe('HTC HTCONE');
  });

  it('is whichever of the two EXIF has, or empty', () => {
    expect(cameraName(null, 'DMC-FZ30')).toBe('DMC-FZ30');
    expect(cameraName('FUJIFILM', null)).toBe('FUJIFILM');
    expect(cameraName('NIKON CORPORATION', '')).toBe('Nikon');
    expect(cameraName(null, null)).toBe('');
    expect(cameraName(' ', undefined)).toBe('');
  });
});

describe('makerName', () => {
  it('drops only a company form at the end; a shouted one reads as the name is written', () => {
    expect(makerName('NIKON CORPORATION')).toBe('Nikon');
    expect(makerName('FUJI PHOTO FILM CO., LTD.')).toBe('Fuji Photo Film');
    expect(makerName('SEIKO EPSON CORP.')).toBe('Seiko Epson');
    expect(makerName('LG ELECTRONICS INC.')).toBe('LG Electronics');
    expect(makerName('Minolta Co., Ltd.')).toBe('Minolta');
    expect(makerName('PENTAX Corporation')).toBe('PENTAX');
    // No company form: as the camera wrote it.
    expect(makerName('SONY')).toBe('SONY');
    expect(makerName('Samsung Techwin')).toBe('Samsung Techwin');
    expect(makerName('Corporation')).toBe('Corporation');
  });
});
