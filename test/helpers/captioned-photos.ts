// Photos captioned as other apps caption them, written by exiftool (Debian's
// libimage-exiftool-perl, as CI installs it): IPTC Caption-Abstract (older Photoshop, many
// newsroom tools), XMP dc:description (Lightroom, digiKam), an XMP sidecar beside the photo.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeColourPhoto } from './images';

export const haveExiftool = spawnSync('exiftool', ['-ver']).status === 0;

/** A small photo with these tags set by exiftool (e.g. `-IPTC:Caption-Abstract=…`); its path. */
export async function writeCaptionedPhoto(dir: string, name: string, rgb: [number, number, number], tags: string[]): Promise<string> {
  const file = await writeColourPhoto(dir, name, rgb);
  if (tags.length) execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'iptc=UTF8', '-IPTC:CodedCharacterSet=UTF8', ...tags, file]);
  return file;
}

/** An XMP sidecar `<photo>.xmp` with this dc:description, as Lightroom and darktable write it. */
export function writeCaptionSidecar(photo: string, caption: string): string {
  const escaped = caption.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escaped}</rdf:li></rdf:Alt></dc:description></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const file = `${photo}.xmp`;
  fs.writeFileSync(file, xml);
  return path.resolve(file);
}
