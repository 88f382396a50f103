// Session-wide defences that do not belong to one window.
import type { Session } from 'electron';

/**
 * Adds our CSP to every document the session loads over http(s) (the dev server today)
 * and refuses every permission prompt. Custom-scheme responses carry their own header
 * (app-protocol.ts), because webRequest header hooks only run for http(s).
 */
export function hardenSession(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback({
      responseHeaders: isDocument ? withCsp(details.responseHeaders ?? {}, csp) : details.responseHeaders,
    });
  });
  // A photo organizer needs no camera, microphone, location or notifications; a feature
  // that does should allow its one permission here, not loosen this wholesale.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
