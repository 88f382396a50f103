import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { resolveAppFile, respond, registerAppScheme, imageRequest } = await import('../../../src/main/app-protocol');

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
      expect.objectContaining({ scheme: 'shoebox', privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) }),
    ]);
    expect(JSON.stringify(schemes)).not.toContain('bypassCSP');
  });

  describe('library images', () => {
    const images = {
      readImage: vi.fn(async (id: string, kind: string) => (id === 'L3Bob3Rvcy9hLmpwZw' ? { contentType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, kind === 'thumb' ? 1 : 2]) } : null)),
    };

    it('asks the engine for thumb/<id> and image/<id>, and serves its answer', async () => {
      const thumb = await respond('shoebox://app/thumb/L3Bob3Rvcy9hLmpwZw', root, 'csp', images);
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get('Content-Type')).toBe('image/jpeg');
      expect(thumb.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(new Uint8Array(await thumb.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 1]));
      expect(images.readImage).toHaveBeenCalledWith('L3Bob3Rvcy9hLmpwZw', 'thumb');
      const full = await respond('shoebox://app/image/L3Bob3Rvcy9hLmpwZw', root, 'csp', images);
      expect(new Uint8Array(await full.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 2]));
    });

    it('answers 404 for ids the library does not hold, and never reads files itself', async () => {
      fakeElectron.net.fetch.mockResolvedValue(new Response('secret'));
      for (const url of [
        'shoebox://app/image/L2V0Yy9wYXNzd2Q', // /etc/passwd, not a library photo
        'shoebox://app/image/../../etc/passwd',
        'shoebox://app/image/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        'shoebox://app/image//etc/passwd',
        'shoebox://app/thumb/',
        'shoebox://app/thumb/abc/def',
        'shoebox://evil/thumb/L3Bob3Rvcy9hLmpwZw',
      ]) {
        const response = await respond(url, root, 'csp', images);
        expect(response.status, url).toBe(404);
      }
      expect(fakeElectron.net.fetch).not.toHaveBeenCalled();
    });

    it('parses only well-formed image URLs', () => {
      expect(imageRequest('shoebox://app/thumb/abc_-9')).toEqual({ kind: 'thumb', id: 'abc_-9' });
      // A turned photo's URL (ipc-client.ts) names the same image: the rotation only makes it another URL to the cache.
      expect(imageRequest('shoebox://app/thumb/abc_-9?r=90')).toEqual({ kind: 'thumb', id: 'abc_-9' });
      expect(imageRequest('shoebox://app/image/a.b')).toBeNull();
      expect(imageRequest('shoebox://app/video/abc')).toBeNull();
      expect(imageRequest('shoebox://app:99/thumb/abc')).toBeNull();
    });

    it('answers 404 when the engine fails', async () => {
      const failing = { readImage: vi.fn(async () => Promise.reject(new Error('engine stopped'))) };
      expect((await respond('shoebox://app/thumb/abc', root, 'csp', failing)).status).toBe(404);
    });
  });
});
