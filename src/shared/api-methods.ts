// LibraryApi's request/response methods and the check of their arguments, shared by every
// transport that receives calls from a page (Electron IPC, `shoebox serve`'s WebSocket and
// HTTP): arguments come from a renderer, so nothing reaches the engine unchecked.
//
// One entry per method: when LibraryApi grows, tsc fails here until the table does too.
import { MAX_QUERY_IMAGE_BYTES, type LibraryApi, type ListPhotosOptions, type QueryImage, type SearchFilters, type SearchOptions } from './api';

/** LibraryApi's request/response methods; `subscribe` travels as pushed events instead. */
export type InvokableMethod = Exclude<keyof LibraryApi, 'subscribe'>;

/** The arguments a method takes, as a tuple. */
export type MethodArgs<M extends InvokableMethod> = Parameters<LibraryApi[M]>;

/** A call refused because of what was sent: the message says which argument and why. */
export class InvalidArgumentsError extends Error {
  override name = 'InvalidArgumentsError';
}

const MAX_PATH = 4096;
const MAX_QUERY = 1000;
const MAX_ID = 8192;
const MAX_LIMIT = 1000;
const MAX_OFFSET = 10_000_000;

const validators: { [M in InvokableMethod]: (args: unknown[]) => MethodArgs<M> } = {
  info: (args) => none('info', args),
  status: (args) => none('status', args),
  listFolders: (args) => none('listFolders', args),
  addFolder: (args) => [text(arity('addFolder', args, 1, 1)[0], 'path', MAX_PATH)],
  removeFolder: (args) => [text(arity('removeFolder', args, 1, 1)[0], 'path', MAX_PATH)],
  listFailures: (args) => optional(arity('listFailures', args, 0, 1)[0], listOptions),
  listPhotos: (args) => optional(arity('listPhotos', args, 0, 1)[0], listOptions),
  getPhoto: (args) => [text(arity('getPhoto', args, 1, 1)[0], 'id', MAX_ID)],
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
  models: (args) => none('models', args),
  jobs: (args) => none('jobs', args),
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

function listOptions(value: unknown): ListPhotosOptions {
  const o = record(value, 'options', ['offset', 'limit', 'folder']);
  const out: ListPhotosOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = integer(o['limit'], 'limit', 1, MAX_LIMIT);
  if (o['folder'] !== undefined) out.folder = text(o['folder'], 'folder', MAX_PATH);
  return out;
}

function searchOptions(value: unknown): SearchOptions {
  const o = record(value, 'options', ['offset', 'limit', 'filters']);
  const out: SearchOptions = {};
  if (o['offset'] !== undefined) out.offset = integer(o['offset'], 'offset', 0, MAX_OFFSET);
  if (o['limit'] !== undefined) out.limit = integer(o['limit'], 'limit', 1, MAX_LIMIT);
  if (o['filters'] !== undefined) out.filters = searchFilters(o['filters']);
  return out;
}

function searchFilters(value: unknown): SearchFilters {
  const o = record(value, 'filters', ['after', 'before', 'folder', 'camera', 'hasGps', 'tag']);
  const out: SearchFilters = {};
  // Dates are parsed (and refused with a reason) by the search engine; here only their size.
  if (o['after'] !== undefined) out.after = text(o['after'], 'after', 64);
  if (o['before'] !== undefined) out.before = text(o['before'], 'before', 64);
  if (o['folder'] !== undefined) out.folder = text(o['folder'], 'folder', MAX_PATH);
  if (o['camera'] !== undefined) out.camera = text(o['camera'], 'camera', 200);
  if (o['tag'] !== undefined) out.tag = text(o['tag'], 'tag', 200);
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
