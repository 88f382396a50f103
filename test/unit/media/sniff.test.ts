import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat, sniffImage } from '../../../src/core/media/sniff';
import { TiffBuilder, syntheticCr3, syntheticRaf, syntheticTiffRaw } from '../../fixtures/photos/synthetic-raw';
import { awkwardCorpus, exifSampleFiles, haveExifSamples, sample } from './corpus';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (major: string, ...compatible: string[]) => {
  const body = bytes(major, [0, 0, 0, 0], ...compatible);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, bytes('ftyp'), body, Buffer.alloc(32)]);
};

describe('sniff: the awkward corpus', () => {
  it('tells every file by its content, whatever its name', async () => {
    const photos = await awkwardCorpus();
    for (const p of photos) {
      expect(sniffFormat(fs.readFileSync(p.file)), `${path.basename(p.file)}: ${p.note}`).toBe(p.format);
    }
  });

  it('names the RAW flavour', async () => {
    expect(sniffImage((await syntheticTiffRaw()).file)).toEqual({ format: 'raw', raw: 'nef', mime: 'image/x-nikon-nef' });
    expect(sniffImage((await syntheticRaf()).file)?.raw).toBe('raf');
    expect(sniffImage((await syntheticCr3()).file)?.raw).toBe('cr3');
  });
});

describe('sniff: magic numbers', () => {
  it('reads ISO-BMFF brands: HEIC vs AVIF vs CR3 vs video', () => {
    expect(sniffFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffFormat(ftyp('heix', 'mif1'))).toBe('heic');
    expect(sniffFormat(ftyp('hevc', 'msf1'))).toBe('heic');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
    expect(sniffFormat(ftyp('msf1', 'msf1', 'hevc'))).toBe('heic');
    expect(sniffImage(ftyp('mif1', 'mif1', 'miaf'))).toEqual({ format: 'heic', mime: 'image/heif' });
    expect(sniffFormat(ftyp('avif', 'mif1', 'avif', 'miaf'))).toBe('avif');
    expect(sniffFormat(ftyp('avis', 'msf1', 'avis'))).toBe('avif');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'avif', 'miaf'))).toBe('avif');
    expect(sniffImage(ftyp('crx ', 'crx ', 'isom'))).toMatchObject({ format: 'raw', raw: 'cr3' });
    expect(sniffFormat(ftyp('isom', 'isom', 'mp41'))).toBeNull();
    expect(sniffFormat(ftyp('qt  ', 'qt  '))).toBeNull();
  });

  it('tells TIFF-family RAW headers apart from TIFF', () => {
    expect(sniffImage(bytes('IIRO', [8, 0, 0, 0]))?.raw).toBe('orf');
    expect(sniffImage(bytes('MMOR', [0, 0, 0, 8]))?.raw).toBe('orf');
    expect(sniffImage(bytes('IIU\0', [8, 0, 0, 0]))?.raw).toBe('rw2');
    expect(sniffImage(bytes('II*\0', [16, 0, 0, 0], 'CR', [2, 0]))?.raw).toBe('cr2');
    expect(sniffFormat(bytes('II+\0', [8, 0, 0, 0, 0, 0, 0, 0]))).toBe('tiff'); // BigTIFF
    expect(sniffImage(bytes('FUJIFILMCCD-RAW 0201'))?.raw).toBe('raf');
  });

  it('calls a TIFF a DNG by its DNGVersion, and a camera-made TIFF without sensor data a TIFF', () => {
    const dng = new TiffBuilder();
    expect(sniffImage(dng.build(dng.ifd({ 0x0100: { type: 4, values: [8] }, 0xc612: { type: 7, bytes: Uint8Array.from([1, 4, 0, 0]) } })))?.raw).toBe('dng');
    const exported = new TiffBuilder();
    const ifd0 = exported.ifd({ 0x0103: { type: 3, values: [1] }, 0x0106: { type: 3, values: [2] }, 0x010f: { type: 2, text: 'NIKON CORPORATION' } });
    expect(sniffFormat(exported.build(ifd0))).toBe('tiff');
  });

  it('returns null for anything else, and never throws on short or hostile input', () => {
    for (const b of [Buffer.alloc(0), bytes([0xff]), bytes([0xff, 0xd8]), bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), bytes('BM'), bytes('%PDF-1.7'), bytes('RIFF', [0, 0, 0, 0], 'WAVE'), bytes('II*\0', [0xff, 0xff, 0xff, 0xff])]) {
      expect(() => sniffFormat(b)).not.toThrow();
    }
    expect(sniffFormat(bytes('hello world, this is text'))).toBeNull();
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffFormat(bytes('II*\0', [0xff, 0xff, 0xff, 0xff]))).toBe('tiff'); // IFD0 nowhere: sharp will judge
  });

  it('needs only the first bytes for everything but "TIFF or RAW"', async () => {
    const photos = await awkwardCorpus();
    for (const p of photos.filter((x) => x.format && x.format !== 'raw' && x.format !== 'tiff')) {
      expect(sniffFormat(fs.readFileSync(p.file).subarray(0, 64)), path.basename(p.file)).toBe(p.format);
    }
  });
});

describe.skipIf(!haveExifSamples)('sniff: real samples in ../shared/photos/exif-samples', () => {
  it('JPEGs are jpeg, TIFF scans are tiff (not RAW), HEIC/HEIF are heic, the rest null', () => {
    const expected = (rel: string) => {
      if (/\.jpe?g$/i.test(rel)) return 'jpeg';
      if (/\.tiff?$/i.test(rel)) return 'tiff';
      if (/\.hei[cf]$/i.test(rel)) return 'heic';
      return null; // README, README.rst, dump
    };
    const files = exifSampleFiles();
    expect(files.length).toBeGreaterThan(80);
    for (const rel of files) expect(sniffFormat(sample(rel)), rel).toBe(expected(rel));
  });
});
