// A search's paging bounds, apart from the search engine so that the CLI's front door can name
// them (--limit's check, --help) without loading ONNX Runtime, sharp and LanceDB.
import { MAX_SEARCH_LIMIT } from '../../shared/search-page-limit';

export const DEFAULT_LIMIT = 20;
/** Largest page: one limit for every front end (shared/search-page-limit.ts). */
export const MAX_LIMIT = MAX_SEARCH_LIMIT;
