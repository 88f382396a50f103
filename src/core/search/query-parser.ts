// The query language, as rclip users know it: terms joined by `+` and `-`, each optionally
// weighted (`2:golden retriever`), each either text or an image path.
//
//   dog + beach - people            "2:forest" + ./pool.jpg - city          - blue
//
// Rules (the README's "Query language" section says the same for users):
// - Operators are `+` and `-` standing alone between whitespace, or glued to the front of a
//   word (`dog -people`). Inside a word they are text (`t-shirt`, `c++`), and so is
//   everything inside double quotes ("rock + roll" is one text term).
// - A term is every word up to the next operator, whitespace collapsed: `golden  retriever`.
// - A leading `N:` is the term's weight (`2:cat`, `0.5:./x.jpg`, `"2:forest"`): a positive
//   number. Zero, negative or malformed weights are errors; to subtract, use `-`.
// - An image term is a path: it starts with `/`, `./`, `../`, `~/` (or a drive letter on
//   Windows), or ends with a photo extension (`pool.jpg`); such a path must name an existing
//   file. A term containing a path separator that names an existing file is an image too;
//   anything else is text.
// - The first term may carry an operator; a query of only negative terms is allowed.
// - `text:"open 24 hours"` (or `text:open`) is the text read in photos: it takes its own quoted
//   phrase or one word, never the words beside it (`neon text:"open"` is the term "neon" and
//   the text "open"); it can be required (`+` or nothing), not subtracted nor weighted. Its
//   phrase must hold a word (letters or digits): `text:"!!!"` is refused, not searched.
//   Quotes only group: `"text:sale"` is `text:sale`, and `text:"open"late` the word "openlate".
// The splitting into words and `text:` terms lives in src/shared (query-tokens.ts,
// photo-text-terms.ts), which the app's search box reads queries with too, so the two cannot
// disagree; what a term means (weights, paths, the probe) stays here.
// Pure apart from the file-system probe, which tests inject.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasPhotoExtension } from '../media/photo-extensions';
import { QueryError } from './query-error';
import { queryTokens, signOf, type QueryToken, type WordToken } from '../../shared/query-tokens';
import { queryParts, type PhotoTextToken } from '../../shared/photo-text-terms';
import { queryWords } from '../text/text-words';

export type TermKind = 'text' | 'image';

export interface QueryTerm {
  kind: TermKind;
  /** text: the words, whitespace collapsed; image: the path as written. */
  text: string;
  /** image terms: the absolute path. */
  path?: string;
  /** Positive. */
  weight: number;
  /** +1 adds the term, -1 subtracts it. */
  sign: 1 | -1;
  /** image terms: an embedding kept by the caller (a smart album's), used instead of the file. */
  vector?: Float32Array;
}

export interface ParseOptions {
  /** Relative paths resolve against this (default: process.cwd()). */
  cwd?: string;
  /** `~` expands to this (default: os.homedir()). */
  home?: string;
  /** What is at an absolute path (default: the real file system). */
  probe?: (absolutePath: string) => 'file' | 'directory' | null;
}

type Token = { type: 'op'; sign: 1 | -1; symbol: string } | { type: 'word'; text: string; quoted: boolean };

const WEIGHT = /^(\d+(?:\.\d+)?|\.\d+|\d+\.)\s*:\s*/;
/** Anything a user may have meant as a weight: digits, dots and signs before a colon. */
const WEIGHT_LIKE = /^\s*[+\-\u2212]?[\d.]*\d[\d.]*\s*:/;
const PATH_START = /^(~(?=$|[\\/])|\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/;

/** The query's tokens (src/shared/query-tokens.ts, which the app's search box reads too); an unclosed quote is refused. */
function checkedTokens(input: string): QueryToken[] {
  const tokens = queryTokens(input);
  const open = tokens.find((token) => token.type === 'word' && token.unclosedAt !== undefined);
  if (open?.type === 'word' && open.unclosedAt !== undefined) throw new QueryError(`unterminated quote in the query: ${input.slice(open.unclosedAt)}`);
  return tokens;
}

/** Splits the query into operators and words, honouring double quotes. */
export function tokenize(input: string): Token[] {
  return checkedTokens(input).map((token) => (token.type === 'op' ? { type: 'op', sign: token.sign, symbol: token.symbol } : { type: 'word', text: token.text, quoted: token.quoted }));
}

function defaultProbe(absolutePath: string): 'file' | 'directory' | null {
  try {
    const st = fs.statSync(absolutePath);
    return st.isDirectory() ? 'directory' : 'file';
  } catch {
    return null;
  }
}

/** The weight prefix of a term's text, or 1 when it has none. */
function splitWeight(text: string): { weight: number; rest: string } {
  const match = WEIGHT.exec(text);
  if (!match) {
    if (WEIGHT_LIKE.test(text)) {
      const written = text.slice(0, text.indexOf(':') + 1).trim();
      throw new QueryError(`invalid weight "${written}" in "${text}": a weight is a positive number such as 2: or 0.5:; to subtract a term, put "-" before it`);
    }
    return { weight: 1, rest: text };
  }
  const weight = Number(match[1]);
  const rest = text.slice(match[0].length);
  if (!(weight > 0) || !Number.isFinite(weight)) throw new QueryError(`invalid weight "${match[1]}:" in "${text}": a weight must be greater than 0`);
  if (rest.trim() === '') throw new QueryError(`the weight "${match[1]}:" has no term after it`);
  if (signOf(rest[0]!) !== null) throw new QueryError(`invalid weight in "${text}": put the sign before the weight ("- ${match[1]}:${rest.slice(1)}")`);
  return { weight, rest };
}

/** Whether `text` is written as a path (so it must name an image), not as words. */
export function looksLikePath(text: string): boolean {
  return PATH_START.test(text) || hasPhotoExtension(text);
}

function resolvePath(text: string, options: ParseOptions): string {
  const home = options.home ?? os.homedir();
  const expanded = text === '~' ? home : /^~[\\/]/.test(text) ? path.join(home, text.slice(2)) : text;
  return path.resolve(options.cwd ?? process.cwd(), expanded);
}

function classify(text: string, weight: number, sign: 1 | -1, options: ParseOptions): QueryTerm {
  const probe = options.probe ?? defaultProbe;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new QueryError(`${text}: URLs are not searched (Shoebox never downloads); save the image and give its path`);
  }
  const words = text.replace(/\s+/g, ' ').trim();
  if (words === '') throw new QueryError('a term is empty (nothing between the quotes)');
  const candidate = text.trim();
  if (looksLikePath(candidate)) {
    const abs = resolvePath(candidate, options);
    const found = probe(abs);
    if (found === 'file') return { kind: 'image', text: candidate, path: abs, weight, sign };
    if (found === 'directory') throw new QueryError(`${candidate} is a folder, not an image`);
    throw new QueryError(`image not found: ${candidate}`);
  }
  if (/[\\/]/.test(candidate)) {
    const abs = resolvePath(candidate, options);
    if (probe(abs) === 'file') return { kind: 'image', text: candidate, path: abs, weight, sign };
  }
  return { kind: 'text', text: words, weight, sign };
}

/** A weight written on a `text:` term (`2:text:"open"`), which cannot mean anything. */
const WEIGHTED_PHOTO_TEXT = /^\s*[+\-\u2212]?[\d.]*\d[\d.]*\s*:\s*text:/i;
/** A weight left alone before a `text:` term (`2: text:"open"`). */
const LONE_WEIGHT = /^\s*[+\-\u2212]?[\d.]*\d[\d.]*\s*:\s*$/;

function weightOnText(written: string): QueryError {
  return new QueryError(`a weight on ${written} means nothing: text in photos is required, not weighted (weigh the other terms instead)`);
}

/** A query split into CLIP terms and `text:` terms (the text read in photos, src/core/text). */
export interface ParsedQuery {
  terms: QueryTerm[];
  /** The words of each `text:` term: a photo must hold them (fuzzily) to be a result. */
  photoText: string[];
}

/**
 * Parses a query into weighted, signed terms. Throws QueryError (one line, naming what is
 * wrong) for an empty query, operators without a term, bad weights, missing images, and
 * for `text:` terms (which only a search takes: parseQueryParts).
 */
export function parseQuery(input: string, options: ParseOptions = {}): QueryTerm[] {
  const parsed = parseQueryParts(input, options);
  if (parsed.photoText.length > 0) throw new QueryError('text:"…" terms find the text in photos: use them in a search, not here');
  return parsed.terms;
}

/**
 * Like parseQuery, with `text:"…"` terms taken apart: `text:"open 24" + night - people`. A
 * `text:` term (issue #14) binds to its own quoted phrase or word only: `neon text:"open"` is
 * the CLIP term "neon" and the text "open", as is `text:"open" neon`. Which words are `text:`
 * terms is read in src/shared/photo-text-terms.ts, as the app's search box reads them.
 */
export function parseQueryParts(input: string, options: ParseOptions = {}): ParsedQuery {
  const parts = queryParts(input, checkedTokens(input));
  const terms: QueryTerm[] = [];
  const photoText: string[] = [];
  let words: WordToken[] = [];
  let pending: Extract<Token, { type: 'op' }> | null = null;

  const flush = () => {
    const text = words.map((w) => w.text).join(' ');
    const { weight, rest } = splitWeight(text);
    terms.push(classify(rest, weight, pending?.sign ?? 1, options));
    words = [];
    pending = null;
  };

  /** A `text:` term: the CLIP words before it are their own term; it is a term of its own. */
  const addPhotoText = (term: PhotoTextToken) => {
    if (words.length > 0) {
      const before = words.map((w) => w.text).join(' ');
      if (LONE_WEIGHT.test(before)) throw weightOnText(term.written);
      flush();
    } else if (pending !== null) {
      if (pending.sign === -1) throw new QueryError(`- ${term.written}: text in photos can be required, not subtracted`);
      pending = null;
    }
    const wanted = (term.words ?? '').replace(/\s+/g, ' ').trim();
    if (wanted === '') throw new QueryError('text: needs the words to find, e.g. text:"open 24 hours"');
    // Words as the text search splits them (text-words.ts): punctuation alone would find nothing.
    if (queryWords(wanted).length === 0) throw new QueryError(`the text "${wanted}" has no word to find: give letters or digits`);
    photoText.push(wanted);
  };

  for (const part of parts) {
    if (part.type === 'photoText') addPhotoText(part);
    else if (part.type === 'word') {
      if (WEIGHTED_PHOTO_TEXT.test(part.text)) throw weightOnText(part.text.replace(/^[^:]*:\s*/, ''));
      words.push(part);
    } else {
      if (words.length > 0) flush();
      else if (pending !== null) throw new QueryError(`"${pending.symbol}" is followed by "${part.symbol}": put a term between two operators`);
      pending = part;
    }
  }
  if (words.length > 0) flush();
  else if (pending !== null) {
    const { symbol } = pending;
    throw new QueryError(terms.length === 0 && photoText.length === 0 ? `the query has only "${symbol}": nothing to search for` : `nothing after the last "${symbol}"`);
  }
  if (terms.length === 0 && photoText.length === 0) throw new QueryError('the query is empty: give words to search for, or an image path');
  return { terms, photoText };
}
