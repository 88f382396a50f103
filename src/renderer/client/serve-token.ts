// The `shoebox serve` page's access token. The printed URL brings it (?token=); the page keeps
// it in sessionStorage (this tab and this origin only, survives a reload, gone with the tab)
// and takes it out of the address bar and history at once. Never a cookie: cookies for
// 127.0.0.1 go to every port, so any other local web server would receive it.
import { TOKEN_PARAM } from '../../shared/serve-access';

const KEY = 'shoebox-serve-token';

export function takeServeToken(
  location: Pick<Location, 'href'>,
  history: Pick<History, 'state' | 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    try {
      storage?.setItem(KEY, fromUrl);
    } catch {
      // Storage refused (a privacy mode): the token lives as long as this page.
    }
    url.searchParams.delete(TOKEN_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}
