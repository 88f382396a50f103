// The `shoebox serve` page's hold on its token: from the printed URL into sessionStorage (per
// tab and per origin, never a cookie), out of the address bar, and back after a reload.
import { describe, expect, it } from 'vitest';
import { takeServeToken } from '../../../src/renderer/client/serve-token';

function tab(href: string) {
  const store = new Map<string, string>();
  const page = {
    location: { href } as Pick<Location, 'href'>,
    history: {
      state: { kept: true },
      replaceState(_state: unknown, _unused: string, url: string) {
        page.location.href = new URL(url, page.location.href).href;
      },
    } as Pick<History, 'state' | 'replaceState'>,
    storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Pick<Storage, 'getItem' | 'setItem'>,
    store,
  };
  return page;
}

describe('the serve page token', () => {
  it('takes it from the printed URL, keeps it for the tab and removes it from the address bar', () => {
    const page = tab('http://127.0.0.1:4000/?token=abc#photo');
    expect(takeServeToken(page.location, page.history, page.storage)).toBe('abc');
    expect(page.location.href).toBe('http://127.0.0.1:4000/#photo');
    // A reload: the URL has no token any more, the tab's storage still does.
    expect(takeServeToken(page.location, page.history, page.storage)).toBe('abc');
  });

  it('prefers a new URL (serve restarted) over the one kept', () => {
    const page = tab('http://127.0.0.1:4000/?token=new&x=1');
    page.store.set('shoebox-serve-token', 'old');
    expect(takeServeToken(page.location, page.history, page.storage)).toBe('new');
    expect(page.location.href).toBe('http://127.0.0.1:4000/?x=1');
  });

  it('has none without the printed URL', () => {
    const page = tab('http://127.0.0.1:4000/');
    expect(takeServeToken(page.location, page.history, page.storage)).toBeNull();
  });
});
