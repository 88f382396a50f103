// A search's paging bounds, apart from the search engine so that the CLI's front door can name
// them (--limit's check, --help) without loading ONNX Runtime, sharp and LanceDB.

export const DEFAULT_LIMIT = 20;
/** Largest page: a bigger one is a sign of a script that wants --all and paging. */
export const MAX_LIMIT = 10_000;
