import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { resolveAppFile, respond, registerAppScheme } = await import('../../../src/main/app-protocol');

const root = path.resolve('/fake/app/out/renderer');

describe('shoebox://app protocol', () => {
  beforeEach(resetFakeElectron);

  it('maps app URLs to files in the renderer folder', () => {
    expect(resolveAppFile('shoebox://app/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('shoebox://app/assets/index-1.js?v=2#x', root)).toBe(path.join(root, 'assets', 'index-1.js'));
    expect(resolveAppFile('shoebox://app/my%20photo.png', root)).toBe(path.join(root, 'my photo.png'));
  });

  it('never serves files outside the renderer folder', () => {
    for (const url of [
      'shoebox://app/../../../etc/passwd',
      'shoebox://app/%2e%2e/%2e%2e/etc/passwd',
      'shoebox://app/assets/..%2f..%2f..%2fsecret',
      'shoebox://app/..%5c..%5csecret',
      'shoebox://app/index.html%00.png',
      'shoebox://app/%E0%A4%A',
      'shoebox://other/index.html',
    ]) {
      const file = resolveAppFile(url, root);
      if (file !== null) expect(file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppFile('shoebox://other/index.html', root)).toBeNull();
    expect(resolveAppFile('shoebox://app/assets/..%2f..%2f..%2fsecret', root)).toBeNull();
  });

  it('sends the CSP header with every file', async () => {
    fakeElectron.net.fetch.mockResolvedValue(new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }));
    const response = await respond('shoebox://app/index.html', root, "default-src 'self'");
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(await response.text()).toBe('<html></html>');
  });

  it('answers 404 for missing files and other hosts', async () => {
    fakeElectron.net.fetch.mockRejectedValue(new Error('net::ERR_FILE_NOT_FOUND'));
    expect((await respond('shoebox://app/missing.js', root, '')).status).toBe(404);
    expect((await respond('shoebox://evil/index.html', root, '')).status).toBe(404);
  });

  it('registers the scheme as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    const [schemes] = fakeElectron.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([
      expect.objectContaining({ scheme: 'shoebox', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(JSON.stringify(schemes)).not.toContain('bypassCSP');
  });
});
