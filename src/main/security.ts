// Session-wide defences that do not belong to one window.
import type { Session } from 'electron';
import { isAppUrl } from './app-url';

/**
 * Turns the spellchecker off, adds our CSP to every document the session loads over http(s)
 * (the dev server today) and refuses every permission but fullscreen for the app's own pages.
 * Custom-scheme responses carry their own header (app-protocol.ts), because webRequest header
 * hooks only run for http(s).
 */
export function hardenSession(session: Session, csp: string): void {
  // Chromium's spellchecker fetches its Hunspell dictionaries from Google's CDN on Windows
  // and Linux; a local-first app sends nothing out. Off for the whole session, whatever a
  // window's webPreferences say (window.ts turns it off there too).
  session.setSpellCheckerEnabled(false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback({
      responseHeaders: isDocument ? withCsp(details.responseHeaders ?? {}, csp) : details.responseHeaders,
    });
  });
  // A photo organizer needs no camera, microphone, location or notifications; a feature
  // that does should allow its one permission here, not loosen this wholesale. Fullscreen
  // is one: Electron routes element.requestFullscreen() (the slideshow, <video>) through
  // these handlers, so refusing it would fail them silently. Only for our own pages.
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permission === 'fullscreen' && isAppUrl(details.requestingUrl ?? contents.getURL())),
  );
  session.setPermissionCheckHandler(
    (contents, permission, requestingOrigin, details) => permission === 'fullscreen' && isAppUrl(details.requestingUrl ?? contents?.getURL() ?? requestingOrigin),
  );
}

/** Replaces any CSP header, whatever its case, so exactly one policy (ours) applies. */
export function withCsp(headers: Record<string, string[]>, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
