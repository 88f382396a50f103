// XMP merging on text: what is kept, replaced and added. Read-back through exiftool is in
// test/integration/xmp-sidecars.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeXmpKeywords, readXmpKeywords, sidecarPath, writeXmpSidecar } from '../../../src/core/tags/xmp';
import { tempDir } from '../../helpers/images';

const LIGHTROOM_SIDECAR = `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:Rating="4">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>holiday</rdf:li>
     <rdf:li>Anna &amp; Ben</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>People|Anna &amp; Ben</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Beach day</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
`;

describe('XMP keywords', () => {
  it('writes a new sidecar with dc:subject and lr:hierarchicalSubject', () => {
    const xml = mergeXmpKeywords(null, ['animals'], [{ set: 'animals', label: 'dog' }, { set: 'animals', label: 'cat' }]);
    expect(readXmpKeywords(xml)).toEqual({ subject: ['dog', 'cat'], hierarchicalSubject: ['Shoebox|animals|dog', 'Shoebox|animals|cat'] });
    expect(xml).toContain('<?xpacket begin=');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });

  it('merges with an existing sidecar, keeping other keywords and properties', () => {
    const xml = mergeXmpKeywords(LIGHTROOM_SIDECAR, ['scenes'], [{ set: 'scenes', label: 'beach' }, { set: 'scenes', label: 'holiday' }]);
    expect(readXmpKeywords(xml)).toEqual({
      subject: ['holiday', 'Anna & Ben', 'beach'],
      hierarchicalSubject: ['People|Anna & Ben', 'Shoebox|scenes|beach', 'Shoebox|scenes|holiday'],
    });
    expect(xml).toContain('xmp:Rating="4"');
    expect(xml).toContain('Beach day');
  });

  it('replaces its own earlier keywords of the set, and only those', () => {
    const first = mergeXmpKeywords(LIGHTROOM_SIDECAR, ['scenes'], [{ set: 'scenes', label: 'beach' }, { set: 'scenes', label: 'holiday' }]);
    const withOther = mergeXmpKeywords(first, ['animals'], [{ set: 'animals', label: 'dog' }]);
    const second = mergeXmpKeywords(withOther, ['scenes'], [{ set: 'scenes', label: 'forest' }]);
    expect(readXmpKeywords(second)).toEqual({
      // 'holiday' was the user's keyword before Shoebox also wrote it: it stays; 'beach' goes.
      subject: ['holiday', 'Anna & Ben', 'dog', 'forest'],
      hierarchicalSubject: ['People|Anna & Ben', 'Shoebox|animals|dog', 'Shoebox|scenes|forest'],
    });
    // Writing the same again changes nothing.
    expect(mergeXmpKeywords(second, ['scenes'], [{ set: 'scenes', label: 'forest' }])).toBe(second);
  });

  it('leaves a sidecar that is not XML alone and says so in one line', () => {
    const dir = tempDir();
    const photo = path.join(dir, 'a.jpg');
    fs.writeFileSync(photo, 'jpeg bytes');
    fs.writeFileSync(sidecarPath(photo), '<x:xmpmeta><broken>');
    expect(() => writeXmpSidecar(photo, ['s'], [{ set: 's', label: 'x' }])).toThrow(/^[^\n]*left unchanged$/);
    expect(fs.readFileSync(sidecarPath(photo), 'utf8')).toBe('<x:xmpmeta><broken>');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.jpg', 'a.jpg.xmp']);
  });
});
