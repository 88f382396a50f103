// LibraryApi's request/response methods and the check of their arguments, shared by every
// transport that receives calls from a page (Electron IPC, `shoebox serve`'s WebSocket and
// HTTP): arguments come from a renderer, so nothing reaches the engine unchecked.
//
// One entry per method: when LibraryApi grows, tsc fails here until the table does too.
import {
  MAX_DESCRIPTION,
  MAX_QUERY_IMAGE_BYTES, type AlbumDraft, type AlbumFilters, type AlbumInput, type AlbumMembership, type DuplicateKind, type LabelSetInput, type LibraryApi,
  type ListPhotosOptions, type PageOptions, type QueryImage, type SearchFilters, type SearchOptions, type TagReviewOptions, type TagState, type TimelineOptions,
} from './api';
import { MAX_SHIFT_SECONDS } from './taken-at';
import { MAX_QUERY_LENGTH } from './query-syntax';
import { DUPLICATE_KINDS } from './duplicate-picture';
import { searchLimitRefusal } from './search-page-limit';
import { albumThresholdRefusal, isAlbumThreshold } from './album-threshold';

/** LibraryApi's request/response methods; `subscribe` travels as pushed events instead. */
export type InvokableMethod = Exclude<keyof LibraryApi, 'subscribe'>;

/** The arguments a method takes, as a tuple. */
export type MethodArgs<M extends InvokableMethod> = Parameters<LibraryApi[M]>;

/** A call refused because of what was sent: the message says which argument and why. */
export class InvalidArgumentsError extends Error {
  override name = 'InvalidArgumentsError';
}

const MAX_PATH = 4096;
/** Queries, prompts, templates: one limit with the core's parser (query-syntax.ts). */
const MAX_QUERY = MAX_QUERY_LENGTH;
const MAX_ID = 8192;
/** A listing's page (photos, the timeline, albums, tags, duplicates); a search's is
 *  MAX_SEARCH_LIMIT (search-page-limit.ts), the core's and the CLI's too. */
export const MAX_LIMIT = 1000;
const MAX_OFFSET = 10_000_000;
/** Names of label sets, labels, albums and models. */
const MAX_NAME = 200;
/** A place name: "town, country" (the longest GeoNames names are ~150 characters). */
const MAX_PLACE = 300;
const MAX_LABELS = 10_000;
const MAX_PROMPTS = 100;
const MAX_TRASH = 100_000;

const TAG_STATES: readonly TagState[] = ['auto', 'accepted', 'rejected'];
const MEMBERSHIPS: readonly AlbumMembership[] = ['pinned', 'excluded', 'auto'];

const validators: { [M in InvokableMethod]: (args: unknown[]) => MethodArgs<M> } = {
  info: (args) => none('info', args),
  status: (args) => none('status', args),
  listFolders: (args) => none('listFolders', args),
  photoFolders: (args) => none('photoFolders', args),
  textInPhotos: (args) => none('textInPhotos', args),
  setTextInPhotos: (args) => [bool(arity('setTextInPhotos', args, 1, 1)[0], 'on')],
  addFolder: (args) => [text(arity('addFolder', args, 1, 1)[0], 'path', MAX_PATH)],
  removeFolder: (args) => [text(arity('removeFolder', args, 1, 1)[0], 'path', MAX_PATH)],
  pauseIndexing: (args) => [text(arity('pauseIndexing', args, 1, 1)[0], 'folder', MAX_PATH)],
  resumeIndexing: (args) => [text(arity('resumeIndexing', args, 1, 1)[0], 'folder', MAX_PATH)],
  stopJob: (args) => [text(arity('stopJob', args, 1, 1)[0], 'id', MAX_ID)],
  mapFolder: (args) => {
    const [folder, place] = arity('mapFolder', args, 2, 2);
    return [text(folder, 'folder', MAX_PATH), nullable(place, (v) => text(v, 'path', MAX_PATH))];
  },
  mapFolders: (args) => {
    const [folder, place] = arity('mapFolders', args, 2, 2);
    return [text(folder, 'folder', MAX_PATH), nullable(place, (v) => text(v, 'path', MAX_PATH))];
  },
  listFailures: (args) => optional(arity('listFailures', args, 0, 1)[0], listOptions),
  listPhotos: (args) => optional(arity('listPhotos', args, 0, 1)[0], listOptions),
  getPhoto: (args) => [text(arity('getPhoto', args, 1, 1)[0], 'id', MAX_ID)],
  photoShot: (args) => [text(arity('photoShot', args, 1, 1)[0], 'id', MAX_ID)],
  search: (args) => {
    const [query, options] = arity('search', args, 1, 2);
    return [text(query, 'query', MAX_QUERY, true), ...optional(options, searchOptions)] as MethodArgs<'search'>;
  },
  similar: (args) => {
    const [id, options] = arity('similar', args, 1, 2);
    return [text(id, 'id', MAX_ID), ...optional(options, searchOptions)] as MethodArgs<'similar'>;
  },
  searchByImage: (args) => {
    const [image, options] = arity('searchByImage', args, 1, 2);
    return [queryImage(image), ...optional(options, searchOptions)] as MethodArgs<'searchByImage'>;
  },
  exportPhotos: (args) => {
    const [list, dir, copy] = arity('exportPhotos', args, 2, 3);
    return [ids(list), text(dir, 'folder', MAX_PATH), ...optional(copy, (v) => bool(v, 'copy'))] as MethodArgs<'exportPhotos'>;
  },
  trashPhotos: (args) => [ids(arity('trashPhotos', args, 1, 1)[0])],
  timeline: (args) => optional(arity('timeline', args, 0, 1)[0], timelineOptions),
  timelineSummary: (args) => optional(arity('timelineSummary', args, 0, 1)[0], timelineOptions),
  models: (args) => none('models', args),
  installModel: (args) => [text(arity('installModel', args, 1, 1)[0], 'model id', MAX_NAME)],
  useModel: (args) => [text(arity('useModel', args, 1, 1)[0], 'model id', MAX_NAME)],
  removeModel: (args) => [text(arity('removeModel', args, 1, 1)[0], 'model id', MAX_NAME)],
  jobs: (args) => none('jobs', args),
  repairLibrary: (args) => none('repairLibrary', args),
  chooseFolder: (args) => none('chooseFolder', args),

  listLabelSets: (args) => none('listLabelSets', args),
  shippedLabelSets: (args) => none('shippedLabelSets', args),
  saveLabelSet: (args) => {
    const [set, previousName, revision] = arity('saveLabelSet', args, 1, 3);
    if (revision !== undefined) return [labelSetInput(set), text(previousName, 'previous name', MAX_NAME), text(revision, 'revision', MAX_ID)];
    return [labelSetInput(set), ...optional(previousName, (v) => text(v, 'previous name', MAX_NAME))] as MethodArgs<'saveLabelSet'>;
  },
  removeLabelSet: (args) => [text(arity('removeLabelSet', args, 1, 1)[0], 'label set', MAX_NAME)],
  tagFolder: (args) => {
    const [set, folder] = arity('tagFolder', args, 2, 2);
    return [text(set, 'label set', MAX_NAME), nullable(folder, (v) => text(v, 'folder', MAX_PATH))];
  },
  stopAutoTagging: (args) => {
    const [set, folder] = arity('stopAutoTagging', args, 2, 2);
    return [text(set, 'label set', MAX_NAME), nullable(folder, (v) => text(v, 'folder', MAX_PATH))];
  },
  tagCounts: (args) => none('tagCounts', args),
  tagChoices: (args) => none('tagChoices', args),
  reviewTags: (args) => [tagReviewOptions(arity('reviewTags', args, 1, 1)[0])],
  prepareTagDecisions: (args) => [text(arity('prepareTagDecisions', args, 1, 1)[0], 'label set', MAX_NAME)],
  setTagState: (args) => {
    const [id, set, label, state] = arity('setTagState', args, 4, 4);
    return [text(id, 'id', MAX_ID), text(set, 'label set', MAX_NAME), text(label, 'label', MAX_NAME), oneOf(state, 'state', TAG_STATES)];
  },
  setTagStates: (args) => {
    const [list, set, label, state] = arity('setTagStates', args, 4, 4);
    return [ids(list), text(set, 'label set', MAX_NAME), text(label, 'label', MAX_NAME), oneOf(state, 'state', TAG_STATES)];
  },
  setFavourites: (args) => {
    const [list, favourite] = arity('setFavourites', args, 2, 2);
    return [ids(list), bool(favourite, 'favourite')];
  },
  setArchived: (args) => {
    const [list, archived] = arity('setArchived', args, 2, 2);
    return [ids(list), bool(archived, 'archived')];
  },
  setTakenAt: (args) => {
    const [list, takenAt] = arity('setTakenAt', args, 2, 2);
    return [ids(list), takenAt === null ? null : text(takenAt, 'date taken', 64)];
  },
  shiftTakenAt: (args) => {
    const [list, seconds] = arity('shiftTakenAt', args, 2, 2);
    return [ids(list), integer(seconds, 'seconds', -MAX_SHIFT_SECONDS, MAX_SHIFT_SECONDS)];
  },
  findPlaces: (args) => {
    const [query, limit] = arity('findPlaces', args, 1, 2);
    return [text(query, 'place', MAX_PLACE), ...optional(limit, (v) => integer(v, 'limit', 1, 50))] as MethodArgs<'findPlaces'>;
  },
  setDescription: (args) => {
    const [list, description] = arity('setDescription', args, 2, 2);
    return [ids(list), description === null ? null : text(description, 'description', MAX_DESCRIPTION, true)];
  },
  importDescriptions: (args) => {
    const [everything] = arity('importDescriptions', args, 0, 1);
    return optional(everything, (v) => bool(v, 'everything')) as MethodArgs<'importDescriptions'>;
  },
  importPhotos: (args) => {
    const [from, to] = arity('importPhotos', args, 2, 2);
    return [text(from, 'folder to import from', MAX_PATH), text(to, 'library folder to import into', MAX_PATH)];
  },
  rotatePhotos: (args) => {
    const [list, turns] = arity('rotatePhotos', args, 2, 2);
    return [ids(list), integer(turns, 'turns', -3, 3)];
  },
  setPlace: (args) => {
    const [list, position] = arity('setPlace', args, 2, 2);
    return [ids(list), position === null || position === 'none' ? position : coordinates(position)];
  },
  undoEdit: (args) => [integer(arity('undoEdit', args, 1, 1)[0], 'undo', 1, Number.MAX_SAFE_INTEGER)],
  places: (args) => optional(arity('places', args, 0, 1)[0], (v) => text(v, 'query', MAX_QUERY, true)),

  listAlbums: (args) => none('listAlbums', args),
  saveAlbum: (args) => {
    const [album, previousName, revision] = arity('saveAlbum', args, 1, 3);
    return [albumInput(album), ...optional(previousName, (v) => text(v, 'previous name', MAX_NAME)), ...optional(revision, (v) => text(v, 'revision', 64))] as MethodArgs<'saveAlbum'>;
  },
  removeAlbum: (args) => [text(arity('removeAlbum', args, 1, 1)[0], 'album', MAX_NAME)],
  albumPhotos: (args) => {
    const [name, options] = arity('albumPhotos', args, 1, 2);
    return [text(name, 'album', MAX_NAME), ...optional(options, pageOptions)] as MethodArgs<'albumPhotos'>;
  },
  previewAlbum: (args) => {
    const [album, options] = arity('previewAlbum', args, 1, 2);
    return [albumDraft(album), ...optional(options, pageOptions)] as MethodArgs<'previewAlbum'>;
  },
  setAlbumMembership: (args) => {
    const [name, id, membership] = arity('setAlbumMembership', args, 3, 3);
    return [text(name, 'album', MAX_NAME), text(id, 'id', MAX_ID), oneOf(membership, 'membership', MEMBERSHIPS)];
  },
  setAlbumMemberships: (args) => {
    const [name, list, membership] = arity('setAlbumMemberships', args, 3, 3);
    return [text(name, 'album', MAX_NAME), ids(list), oneOf(membership, 'membership', MEMBERSHIPS)];
  },
  exportAlbum: (args) => {
    const [name, dir, copy] = arity('exportAlbum', args, 2, 3);
    return [text(name, 'album', MAX_NAME), text(dir, 'folder', MAX_PATH), ...optional(copy, (v) => bool(v, 'copy'))] as MethodArgs<'exportAlbum'>;
  },

  findDuplicates: (args) => optional(arity('findDuplicates', args, 0, 1)[0], duplicateKinds),
  stopDuplicateScan: (args) => none('stopDuplicateScan', args),
  duplicates: (args) => optional(arity('duplicates', args, 0, 1)[0], pageOptions),
  trashDuplicates: (args) => {
    const [trash, keep] = arity('trashDuplicates', args, 1, 2);
    return [ids(trash), ...optional(keep, ids)] as MethodArgs<'trashDuplicates'>;
  },
  decideDuplicates: (args) => {
    const [photos, decision] = arity('decideDuplicates', args, 2, 2);
    return [ids(photos), oneOf(decision, 'decision', ['not-duplicates'] as const)];
  },
  duplicateDecisions: (args) => none('duplicateDecisions', args),
  undoDuplicateDecision: (args) => [text(arity('undoDuplicateDecision', args, 1, 1)[0], 'decision id', MAX_NAME)],
};

export const INVOKABLE_METHODS = Object.keys(validators) as InvokableMethod[];

export function isInvokableMethod(name: unknown): name is InvokableMethod {
  return typeof name === 'string' && Object.hasOwn(validators, name);
}

/** The checked arguments of a call, or an InvalidArgumentsError naming what is wrong. */
export function validateArgs<M extends InvokableMethod>(method: M, args: unknown): MethodArgs<M> {
  if (!Array.isArray(args)) throw new InvalidArgumentsError(`${method}: arguments must be an array`);
  return validators[method](args) as MethodArgs<M>;
}

/** Calls `method` on `api` with checked arguments. */
export function invoke<M extends InvokableMethod>(api: LibraryApi, method: M, args: unknown): ReturnType<LibraryApi[M]> {
  const checked = validateArgs(method, args);
  return (api[method] as (...a: unknown[]) => ReturnType<LibraryApi[M]>)(...checked);
}

function arity(method: string, args: unknown[], min: number, max: number): unknown[] {
  // Trailing undefined are what an omitted optional argument looks like after a transport.
  let n = args.length;
  while (n > min && args[n - 1] === undefined) n--;
  if (n < min || n > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new InvalidArgumentsError(`${method}: expected ${expected} argument(s), got ${args.length}`);
  }
  return args.slice(0, n);
}

function none(method: string, args: unknown[]): [] {
  arity(method, args, 0, 0);
  return [];
}

function text(value: unknown, name: string, maxLength: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw new InvalidArgumentsError(`${name} must be a string`);
  if (!allowEmpty && value.length === 0) throw new InvalidArgumentsError(`${name} must not be empty`);
  if (value.length > maxLength) throw new InvalidArgumentsError(`${name} is too long (over ${maxLength} characters)`);
  if (value.includes('\0')) throw new InvalidArgumentsError(`${name} must not contain NUL characters`);
  return value;
}

/** A position in WGS84 degrees: { lat: -90..90, lon: -180..180 }, nothing else. */
function coordinates(value: unknown): { lat: number; lon: number } {
  const { lat, lon, ...rest } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || Object.keys(rest).length) {
    throw new InvalidArgumentsError('position must be { lat: -90 to 90, lon: -180 to 180 }');
  }
  return { lat, lon };
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentsError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function record(value: unknown, name: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentsError(`${name} must be an object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new InvalidArgumentsError(`${name}: unknown option "${key.slice(0, 40)}"`);
  }
  return value as Record<string, unknown>;
}

function optional<T>(value: unknown, check: (value: unknown) => T): [] | [T] {
  return value === undefined ? [] : [check(value)];
}

function nullable<T>(value: unknown, check: (value: unknown) => T): T | null {
  return value === null ? null : check(value);
}

function bool(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidArgumentsError(`${name} must be true or false`);
  return value;
}

function finite(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentsError(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentsError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function list<T>(value: unknown, name: string, max: number, check: (item: unknown, index: number) => T): T[] {
  if (!Array.isArray(value)) throw new InvalidArgumentsError(`${name} must be a list`);
  if (value.length > max) throw new InvalidArgumentsError(`${name}: at most ${max}`);
  return value.map(check);
}

function pageOptions(value: unknown): PageOptions {
  const o = record(value, 'options', ['offset', 'limit']);
  const out: PageOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = integer(o['limit'], 'limit', 1, MAX_LIMIT);
  return out;
}

// Label sets are checked in full (names, `|`, thresholds) by the engine's parser, which
// names the offending field; here only their shape and size.
function labelSetInput(value: unknown): LabelSetInput {
  const o = record(value, 'label set', ['name', 'labels', 'threshold', 'margin', 'templates']);
  const out: LabelSetInput = {
    name: text(o['name'], 'label set name', MAX_NAME),
    labels: list(o['labels'], 'labels', MAX_LABELS, (item, i) => {
      if (typeof item === 'string') return text(item, `label ${i + 1}`, MAX_NAME, true);
      const l = record(item, `label ${i + 1}`, ['name', 'prompts']);
      const label: { name: string; prompts?: string[] } = { name: text(l['name'], `label ${i + 1} name`, MAX_NAME, true) };
      if (l['prompts'] !== undefined) label.prompts = list(l['prompts'], `label ${i + 1} prompts`, MAX_PROMPTS, (p) => text(p, 'prompt', MAX_QUERY, true));
      return label;
    }),
  };
  if (o['threshold'] !== undefined) out.threshold = finite(o['threshold'], 'threshold', 0, 1);
  if (o['margin'] !== undefined) out.margin = finite(o['margin'], 'margin', -2, 2);
  if (o['templates'] !== undefined) out.templates = list(o['templates'], 'templates', MAX_PROMPTS, (t) => text(t, 'template', MAX_QUERY, true));
  return out;
}

function tagReviewOptions(value: unknown): TagReviewOptions {
  const o = record(value, 'options', ['set', 'label', 'state', 'offset', 'limit']);
  const out: TagReviewOptions = { set: text(o['set'], 'label set', MAX_NAME), ...pageOptions({ offset: o['offset'], limit: o['limit'] }) };
  if (o['label'] !== undefined) out.label = text(o['label'], 'label', MAX_NAME);
  if (o['state'] !== undefined) out.state = oneOf(o['state'], 'state', TAG_STATES);
  return out;
}

function albumInput(value: unknown): AlbumInput {
  const o = record(value, 'album', ['name', 'query', 'threshold', 'filters', 'pins']);
  return { name: text(o['name'], 'album name', MAX_NAME), ...albumFields(o), ...(o['pins'] !== undefined ? { pins: ids(o['pins']) } : {}) };
}

function albumDraft(value: unknown): AlbumDraft {
  return albumFields(record(value, 'album', ['query', 'threshold', 'filters']));
}

function albumFields(o: Record<string, unknown>): AlbumDraft {
  // An empty query is a hand-picked album (its photos are its pins): the core decides the rest.
  const out: AlbumDraft = { query: text(o['query'], 'query', MAX_QUERY, true) };
  if (o['threshold'] !== undefined) {
    if (!isAlbumThreshold(o['threshold'])) throw new InvalidArgumentsError(albumThresholdRefusal(o['threshold']));
    out.threshold = o['threshold'];
  }
  if (o['filters'] !== undefined) {
    const f = record(o['filters'], 'filters', ['folder', 'tag', 'favourite', 'place', 'after', 'before', 'utcOffset']);
    const filters: AlbumFilters = {};
    if (f['folder'] !== undefined) filters.folder = text(f['folder'], 'folder', MAX_PATH);
    if (f['tag'] !== undefined) filters.tag = text(f['tag'], 'tag', MAX_NAME);
    if (f['favourite'] !== undefined) filters.favourite = bool(f['favourite'], 'favourite');
    if (f['place'] !== undefined) filters.place = text(f['place'], 'place', MAX_PLACE);
    // Date text, parsed (and refused with a reason) by the core as search's dates are; here only its size.
    if (f['after'] !== undefined) filters.after = text(f['after'], 'after', 64);
    if (f['before'] !== undefined) filters.before = text(f['before'], 'before', 64);
    // The clock the dates read file times on: the bounds of timeline options' own utcOffset.
    if (f['utcOffset'] !== undefined) filters.utcOffset = integer(f['utcOffset'], 'utcOffset', -14 * 60, 14 * 60);
    out.filters = filters;
  }
  return out;
}

function duplicateKinds(value: unknown): DuplicateKind[] {
  const kinds = list(value, 'kinds', DUPLICATE_KINDS.length, (k) => oneOf(k, 'kind', DUPLICATE_KINDS));
  if (kinds.length === 0) throw new InvalidArgumentsError('kinds must name at least one of exact, near, similar');
  return [...new Set(kinds)];
}

function ids(value: unknown): string[] {
  return list(value, 'ids', MAX_TRASH, (id) => text(id, 'id', MAX_ID));
}

function listOptions(value: unknown): ListPhotosOptions {
  const o = record(value, 'options', ['offset', 'limit', 'folder']);
  const out: ListPhotosOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = integer(o['limit'], 'limit', 1, MAX_LIMIT);
  if (o['folder'] !== undefined) out.folder = text(o['folder'], 'folder', MAX_PATH);
  return out;
}

function timelineOptions(value: unknown): TimelineOptions {
  const o = record(value, 'options', ['offset', 'limit', 'order', 'folder', 'tag', 'favourite', 'archived', 'place', 'withoutPlace', 'farFromTowns', 'videos', 'described', 'onThisDay', 'utcOffset']);
  const out: TimelineOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = integer(o['limit'], 'limit', 1, MAX_LIMIT);
  if (o['order'] !== undefined) {
    if (o['order'] !== 'taken' && o['order'] !== 'added') throw new InvalidArgumentsError('order must be "taken" or "added"');
    out.order = o['order'];
  }
  if (o['folder'] !== undefined) out.folder = text(o['folder'], 'folder', MAX_PATH);
  if (o['tag'] !== undefined) out.tag = text(o['tag'], 'tag', MAX_NAME);
  if (o['favourite'] !== undefined) out.favourite = bool(o['favourite'], 'favourite');
  if (o['archived'] !== undefined) out.archived = bool(o['archived'], 'archived');
  if (o['place'] !== undefined) out.place = text(o['place'], 'place', MAX_PLACE);
  if (o['withoutPlace'] !== undefined) out.withoutPlace = bool(o['withoutPlace'], 'withoutPlace');
  if (o['farFromTowns'] !== undefined) out.farFromTowns = bool(o['farFromTowns'], 'farFromTowns');
  if (o['videos'] !== undefined) out.videos = bool(o['videos'], 'videos');
  if (o['described'] !== undefined) out.described = text(o['described'], 'described', MAX_QUERY);
  if (o['onThisDay'] !== undefined) out.onThisDay = text(o['onThisDay'], 'onThisDay', 10);
  if (o['utcOffset'] !== undefined) out.utcOffset = integer(o['utcOffset'], 'utcOffset', -14 * 60, 14 * 60);
  return out;
}

/** A search page's size: refused in the core's words, the same on every front end. */
function searchLimit(value: unknown): number {
  const refusal = searchLimitRefusal(value);
  if (refusal !== null) throw new InvalidArgumentsError(refusal);
  return value as number;
}

function searchOptions(value: unknown): SearchOptions {
  const o = record(value, 'options', ['offset', 'limit', 'filters', 'all', 'sort']);
  const out: SearchOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = searchLimit(o['limit']);
  if (o['filters'] !== undefined) out.filters = searchFilters(o['filters']);
  if (o['all'] !== undefined) {
    if (typeof o['all'] !== 'boolean') throw new InvalidArgumentsError('all must be true or false');
    out.all = o['all'];
  }
  if (o['sort'] !== undefined) {
    if (o['sort'] !== 'score' && o['sort'] !== 'date') throw new InvalidArgumentsError('sort must be "score" or "date"');
    out.sort = o['sort'];
  }
  return out;
}

function searchFilters(value: unknown): SearchFilters {
  const o = record(value, 'filters', ['after', 'before', 'folder', 'camera', 'hasGps', 'tag', 'favourite', 'place', 'utcOffset']);
  const out: SearchFilters = {};
  // Dates are parsed (and refused with a reason) by the search engine; here only their size.
  if (o['after'] !== undefined) out.after = text(o['after'], 'after', 64);
  if (o['before'] !== undefined) out.before = text(o['before'], 'before', 64);
  if (o['folder'] !== undefined) out.folder = text(o['folder'], 'folder', MAX_PATH);
  if (o['camera'] !== undefined) out.camera = text(o['camera'], 'camera', 200);
  if (o['tag'] !== undefined) out.tag = text(o['tag'], 'tag', 200);
  if (o['favourite'] !== undefined) out.favourite = bool(o['favourite'], 'favourite');
  if (o['place'] !== undefined) out.place = text(o['place'], 'place', MAX_PLACE);
  // The clock the dates read file times on: the bounds of timeline options' own utcOffset.
  if (o['utcOffset'] !== undefined) out.utcOffset = integer(o['utcOffset'], 'utcOffset', -14 * 60, 14 * 60);
  if (o['hasGps'] !== undefined) {
    if (typeof o['hasGps'] !== 'boolean') throw new InvalidArgumentsError('hasGps must be true or false');
    out.hasGps = o['hasGps'];
  }
  return out;
}

function queryImage(value: unknown): QueryImage {
  const o = record(value, 'image', ['name', 'base64']);
  const name = text(o['name'] ?? 'image', 'image name', 1024, true);
  const maxChars = Math.ceil(MAX_QUERY_IMAGE_BYTES / 3) * 4;
  if (typeof o['base64'] === 'string' && o['base64'].length > maxChars) {
    throw new InvalidArgumentsError(`the image is too large (over ${MAX_QUERY_IMAGE_BYTES / 1024 / 1024} MB)`);
  }
  const base64 = text(o['base64'], 'image data', maxChars);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new InvalidArgumentsError('image data must be base64');
  return { name, base64 };
}
