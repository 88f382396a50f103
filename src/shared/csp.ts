// The renderer's Content-Security-Policy, defined once. The build bakes it into
// index.html as a meta tag (electron.vite.config.ts); the Electron main process
// (security.ts, app-protocol.ts) and `shoebox serve` (src/server) send it as a header, so
// the policies can never drift apart. It lives in src/shared because both src/main and
// src/server deliver it and neither may import the other.
// No imports on purpose: the Vite config loads this file outside Electron.

export type CspMode = 'production' | 'development';

/** Where the policy is delivered; browsers ignore some directives in a meta tag. */
export type CspDelivery = 'header' | 'meta';

export function contentSecurityPolicy(mode: CspMode, delivery: CspDelivery = 'header'): string {
  const dev = mode === 'development';
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // Vite's dev server injects React Fast Refresh's preamble as an inline module script
    // and styles as <style> tags; the production build has neither.
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // Thumbnails and full images come from the app's own origin (shoebox://app/thumb/...
    // in Electron, /thumb/... under `shoebox serve`); blob: and data: cover images the UI
    // builds itself (a dropped query image's preview). The dev server's page is
    // http://localhost, so there the app scheme must be named.
    ['img-src', dev ? ["'self'", 'data:', 'blob:', 'shoebox:'] : ["'self'", 'data:', 'blob:']],
    // Videos play from the same origin (shoebox://app/video/..., /video/... under serve).
    ['media-src', dev ? ["'self'", 'shoebox:'] : ["'self'"]],
    ['font-src', ["'self'"]],
    // CSP3 'self' also matches same-origin ws:, which `shoebox serve` and Vite's HMR use.
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if (delivery === 'header') {
    // Only honoured as a header; in a meta tag Chromium logs an error instead.
    directives.push(['frame-ancestors', ["'none'"]]);
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
