// Options every command accepts (declared once on the program).
export interface GlobalOptions {
  home?: string;
  provider?: string;
  /** The library location: a folder or s3://bucket/prefix (--library, else SHOEBOX_LIBRARY). */
  library?: string;
}

/**
 * The library location a command opens: --library, else SHOEBOX_LIBRARY, else none (the
 * core's default, <home>/library). Read here at the edge, never inside the core.
 */
export function libraryChoice(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { library?: string } {
  const library = globals.library ?? (env.SHOEBOX_LIBRARY || undefined);
  return library !== undefined ? { library } : {};
}
