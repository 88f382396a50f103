// The core's front door (issue #10): the only module of src/core that the front ends (the
// CLI, `shoebox serve`, Electron main) may import; everything else they need comes from
// src/shared. Each use case's policy lives once behind it: the LibraryApi host
// (createLibraryApi) for everything on a library, createEngine for what needs no library.
// ESLint enforces the direction (eslint.config.js, "layers").
export { createLibraryApi } from './api/library-api';
export type { LibraryApiOptions, LibraryHost } from './api/library-api';
export { createEngine } from './engine';
export type { Engine, EngineOptions } from './engine';
