// The renderer's Content-Security-Policy, defined once. The build bakes it into
// index.html as a meta tag (electron.vite.config.ts) and the main process sends it as a
// header (security.ts, app-protocol.ts), so the two can never drift apart.
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
    // Thumbnails and previews will be served from the app's own origin; blob: and data:
    // cover images the UI builds itself (drag-and-drop query images, placeholders).
    ['img-src', ["'self'", 'data:', 'blob:']],
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
