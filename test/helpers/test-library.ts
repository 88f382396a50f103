// A library on the tiny fixture model for integration tests, closed after each test.
import { afterEach } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

const open: LibraryService[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

export function testLibrary(home: string): LibraryService {
  const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
  open.push(lib);
  return lib;
}
