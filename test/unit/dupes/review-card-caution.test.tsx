// The app's card for a picture the core holds back because its keeper may be an enlarged copy
// (keep-best's 'resolution-without-camera'): the suggestion says to check it, and the card says
// why it starts skipped (not "similar shots", which it is not).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DuplicateHeldReason, DuplicateMemberInfo, KeepReason } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { DuplicateGroupCard } from '../../../src/renderer/components/dupes/DuplicateGroupCard';
import { duplicateSets } from '../../../src/renderer/components/dupes/duplicate-sets';

const client = { imageUrl: () => '/thumb' } as unknown as ShoeboxClient;
const member = (id: string, path: string, width: number): DuplicateMemberInfo => ({ id, path, width, height: (width * 3) / 4, bytes: width * 300 });

function card(why: KeepReason[], kinds: ('near' | 'similar')[] = ['near'], heldFor: DuplicateHeldReason[] = kinds.includes('similar') ? ['similar'] : ['unsure-keeper']): string {
  const members = [member('big', '/p/IMG_0035.JPG', 1000), member('cam', '/p/IMG_0018.JPG', 500)];
  const [set] = duplicateSets([{ kinds, keep: 'big', members, decided: [], why, held: true, heldFor }]);
  return renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <DuplicateGroupCard set={set!} keep={set!.suggested} skip decided={false} deciding={false} onKeep={() => {}} onSkip={() => {}} onDecide={() => {}} onUndo={() => {}} />
    </ClientContext.Provider>,
  );
}

describe('a held card whose keeper may be an enlarged copy', () => {
  it('says to check the suggestion, and why the group starts skipped', () => {
    const html = card(['resolution-without-camera']);
    expect(html).toContain('Suggested: more pixels, but CHECK IT: a smaller copy has the camera&#x27;s EXIF');
    expect(html).toContain('it may be an enlarged copy. This group starts skipped');
    expect(html).not.toContain('Similar shots are other photos');
  });

  it('says the hold the core applies, also when another group than the widest holds it', () => {
    // The widest group's keeper is plainly sharper; a narrower group of the picture is the caution.
    const html = card(['resolution'], ['near'], ['unsure-keeper']);
    expect(html).toContain('it may be an enlarged copy. This group starts skipped');
    expect(html).not.toContain('Similar shots are other photos');
  });

  it('leaves the similar-shots card as it was', () => {
    const html = card(['resolution'], ['similar']);
    expect(html).toContain('Similar shots are other photos, not copies');
    expect(html).not.toContain('CHECK IT');
  });
});
