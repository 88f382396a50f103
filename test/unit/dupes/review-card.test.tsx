// What a duplicates card tells about each copy, without a page: a radio per copy named so that
// same-named copies in other folders are told apart, each copy's date taken (to the second when
// the minute would not tell two apart), the marks at stake on it and what the trash does with
// them, why the keeper is suggested; the confirmation and the result say what passes to the
// photo kept; the summary says what the report looked for and how many photos it scanned.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DuplicateMemberInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { DuplicateGroupCard } from '../../../src/renderer/components/dupes/DuplicateGroupCard';
import { duplicateSets } from '../../../src/renderer/components/dupes/duplicate-sets';
import { memberNames, takenTexts } from '../../../src/renderer/components/dupes/member-text';
import { kindsChecked, scanText } from '../../../src/renderer/components/dupes/report-summary';
import { TrashDialog } from '../../../src/renderer/components/dupes/TrashDialog';
import { TrashResult } from '../../../src/renderer/components/dupes/TrashResult';

const client = { imageUrl: () => '/thumb' } as unknown as ShoeboxClient;
const render = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const member = (id: string, path: string, more: Partial<DuplicateMemberInfo> = {}): DuplicateMemberInfo => ({ id, path, width: 40, height: 30, bytes: 1000, ...more });
const JUNE = Date.UTC(2021, 5, 15, 15, 56, 0);

const card = (members: DuplicateMemberInfo[], why?: ('resolution' | 'name')[]) => {
  const [set] = duplicateSets([{ kinds: ['near'], keep: members[0]!.id, members, decided: [], ...(why ? { why } : {}) }]);
  return render(<DuplicateGroupCard set={set!} keep={set!.suggested} skip={false} decided={false} deciding={false} onKeep={() => {}} onSkip={() => {}} onDecide={() => {}} onUndo={() => {}} />);
};
const radioNames = (html: string) => [...html.matchAll(/type="radio"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);

describe('a duplicates card', () => {
  it('names each radio by its file, adding as much of the folder as tells same-named copies apart', () => {
    const html = card([member('a', '/photos/2019/trip/n01440764_tench.JPEG'), member('b', '/backup/2019/trip/n01440764_tench.JPEG'), member('c', '/photos/tench small.jpg')]);
    expect(radioNames(html)).toEqual(['Keep n01440764_tench.JPEG in photos/2019/trip', 'Keep n01440764_tench.JPEG in backup/2019/trip', 'Keep tench small.jpg']);
    expect(memberNames([member('a', '/x/Photos/a.jpg'), member('b', '/y/Photos/b.jpg')])).toEqual(new Map([['a', 'a.jpg'], ['b', 'b.jpg']]));
    expect(memberNames([member('a', '/x/Photos/a.jpg'), member('b', '/y/a.jpg')]).get('a')).toBe('a.jpg in Photos');
  });

  it('shows each copy\'s date taken, to the second only where the minute would not tell two apart', () => {
    const html = card([member('a', '/p/a.jpg', { takenAt: JUNE }), member('b', '/p/b.jpg')]);
    expect(html).toMatch(/class="dupe__taken">Taken Jun 15, 2021, 3:56 PM<\/span>/);
    expect(html).toContain('class="dupe__taken">No date taken</span>');
    const redated = takenTexts([member('a', '/p/a.jpg', { takenAt: JUNE }), member('b', '/p/b.jpg', { takenAt: JUNE + 7000 }), member('c', '/p/c.jpg', { takenAt: JUNE, takenOffset: 120 })]);
    expect([...redated.values()]).toEqual(['Jun 15, 2021, 3:56:00 PM', 'Jun 15, 2021, 3:56:07 PM', 'Jun 15, 2021, 3:56:00 PM (UTC+02:00)']);
    expect(takenTexts([member('a', '/p/a.jpg', { takenAt: JUNE }), member('b', '/p/b.jpg', { takenAt: JUNE })]).get('b')).toBe('Jun 15, 2021, 3:56 PM');
  });

  it('badges what is at stake on a copy, each saying what the trash does with it, and nothing on a plain copy', () => {
    const html = card([member('a', '/p/a.jpg'), member('b', '/p/b.jpg', { favourite: true, archived: true, described: true, albums: 2 }), member('c', '/p/c.jpg')]);
    const marks = [...html.matchAll(/class="dupe__mark dupe__mark--(\w+)" title="([^"]*)">([^<]*)</g)].map((m) => [m[1], m[3], m[2]]);
    expect(marks).toEqual([
      ['favourite', 'Favourite', 'Favourite: if it goes, the photo kept becomes a favourite'],
      ['archived', 'Archived', 'Archived: being archived does not pass to the photo kept (an identical copy, of the same content, shares it already)'],
      ['described', 'Described', 'Described: if it goes, its description passes to the photo kept, unless that one has its own'],
      ['albums', 'In 2 albums', 'In 2 albums: added by hand to 2 albums (a smart album&#x27;s own matches are not counted); if it goes, the photo kept takes its place there'],
    ]);
    expect(html.match(/class="dupe__marks"/g)).toHaveLength(1);
    // The radio is described by the copy's details, marks included: a screen reader hears them.
    const described = /aria-describedby="([^"]+)"/.exec(html.slice(html.indexOf('b.jpg')))![1]!;
    expect(html).toMatch(new RegExp(`id="${described}" class="dupe__details">[^]*?In 2 albums`));
  });

  it('says why the keeper is suggested, on the keeper only, in the ranking\'s words', () => {
    const html = card([member('a', '/p/a.jpg'), member('b', '/p/a copy.jpg'), member('c', '/p/a small.jpg')], ['resolution', 'name']);
    expect(html.match(/class="dupe__why[^"]*"[^>]*>([^<]*)</g)).toHaveLength(1);
    expect(html).toMatch(/<span class="dupe__name" title="a.jpg">a.jpg<\/span>[^]*?>Suggested: more pixels; not named like a copy</);
    expect(card([member('a', '/p/a.jpg'), member('b', '/p/b.jpg')])).not.toContain('Suggested:');
  });
});

describe('the trash confirmation and its result', () => {
  it('say in one sentence what passes to the photo kept, and that the archive does not', () => {
    const dialog = render(<TrashDialog paths={['/p/a copy.jpg']} groups={1} unseen={0} bytes={1000} onConfirm={() => {}} onCancel={() => {}} />);
    expect(dialog).toContain('<p class="dupes-dialog__hand-over">Their favourites, descriptions, tags you accepted or rejected and places in albums pass to the photo kept in their group (where it has its own, it keeps its own); being archived does not.</p>');
    const moved = render(<TrashResult result={{ moved: ['/p/a copy.jpg'], skipped: [], failed: [] }} onDismiss={() => {}} />);
    expect(moved).toContain('favourites, descriptions, tags and places in albums pass to the photos kept (which keep their own); being archived does not.');
    expect(render(<TrashResult result={{ moved: [], skipped: [{ path: '/p/a.jpg', reason: 'you chose to keep it' }], failed: [] }} onDismiss={() => {}} />)).not.toContain('pass to');
  });
});

describe("the summary's account of the scan", () => {
  const at = Date.UTC(2025, 4, 3, 10, 0);
  it('says how many photos were scanned, for what, and how many have left the report since', () => {
    expect(scanText({ scannedAt: at, kinds: ['exact', 'near', 'similar'], photos: 75, scanned: 75 })).toMatch(/^75 photos scanned .+ for exact copies, edited versions and similar shots$/);
    expect(scanText({ scannedAt: at, kinds: ['near', 'exact'], photos: 69, scanned: 75 })).toMatch(/^75 photos scanned .+ for exact copies and edited versions \(6 since moved, deleted or changed\)$/);
    // A report saved before the count was kept: no number that may be the lowered one.
    expect(scanText({ scannedAt: at, kinds: ['similar'], photos: 69 })).toMatch(/^scanned .+ for similar shots$/);
  });

  it("starts the Look for boxes as the report's kinds", () => {
    expect(kindsChecked(['exact', 'near', 'similar'])).toEqual({ exact: true, near: true, similar: true });
    expect(kindsChecked(['near'])).toEqual({ exact: false, near: true, similar: false });
  });
});
