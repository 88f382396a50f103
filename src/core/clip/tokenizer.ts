// The text model's tokenizer, loaded from the model folder's own tokenizer.json through
// @huggingface/tokenizers (reproduces OpenAI's reference ids exactly; see the tokenizer test).
// Rows are framed by the tokenizer's own post-processor (CLIP: start + text + end; SigLIP:
// text + </s>; XLM-R: <s> + text + </s>), truncating the text so the closing token always
// survives, because text models pool at (or attend to) that position; then padding.
import fs from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelFolderError } from './model-folder';

export interface TokenizedBatch {
  /** One row per text, each exactly `contextLength` long. */
  rows: number[][];
  /** 1 for real tokens (start and end included), 0 for padding. */
  attentionMask: number[][];
}

export class ClipTokenizer {
  private constructor(
    private readonly tokenizer: Tokenizer,
    readonly contextLength: number,
    /** Special ids the post-processor puts before and after the text. */
    readonly prefix: readonly number[],
    readonly suffix: readonly number[],
    readonly padId: number,
  ) {}

  /** The first id of every row (CLIP's start token), for callers and tests. */
  get startId(): number | undefined {
    return this.prefix[0];
  }

  get endId(): number | undefined {
    return this.suffix[this.suffix.length - 1];
  }

  static fromFile(tokenizerJsonPath: string, tokenizerConfig: Record<string, unknown>, contextLength: number): ClipTokenizer {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(tokenizerJsonPath, 'utf8'));
    } catch (err) {
      throw new ModelFolderError(`${tokenizerJsonPath}: not a readable tokenizer.json (${(err as Error).message})`);
    }
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(json as object, tokenizerConfig);
    } catch (err) {
      throw new ModelFolderError(`${tokenizerJsonPath}: not a valid tokenizer (${(err as Error).message})`);
    }
    const idOf = (key: string): number | undefined => {
      const token = tokenName(tokenizerConfig[key]);
      if (token === undefined) return undefined;
      const id = tokenizer.token_to_id(token);
      if (id === undefined) throw new ModelFolderError(`${tokenizerJsonPath}: has no token ${token} (${key} in tokenizer_config.json)`);
      return id;
    };
    const { prefix, suffix } = specialFrame(tokenizer, idOf);
    // OpenAI's reference pads with 0; folders whose configs name a pad token use it.
    const padId = idOf('pad_token') ?? padIdFromJson(json) ?? 0;
    if (contextLength <= prefix.length + suffix.length) {
      throw new ModelFolderError(`${tokenizerJsonPath}: context length ${contextLength} is too short`);
    }
    return new ClipTokenizer(tokenizer, contextLength, prefix, suffix, padId);
  }

  /** BPE ids of the text alone, without start/end tokens and untruncated. */
  textIds(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  encode(texts: readonly string[]): TokenizedBatch {
    const rows: number[][] = [];
    const attentionMask: number[][] = [];
    for (const text of texts) {
      const body = this.textIds(text).slice(0, this.contextLength - this.prefix.length - this.suffix.length);
      const row = [...this.prefix, ...body, ...this.suffix];
      const used = row.length;
      while (row.length < this.contextLength) row.push(this.padId);
      rows.push(row);
      attentionMask.push(row.map((_, i) => (i < used ? 1 : 0)));
    }
    return { rows, attentionMask };
  }
}

/**
 * Which special ids the tokenizer's post-processor wraps a text in, found by encoding a probe
 * with and without them. A tokenizer.json without a post-processor falls back to the
 * config's bos/eos tokens (CLIP's framing).
 */
function specialFrame(tokenizer: Tokenizer, idOf: (key: string) => number | undefined): { prefix: number[]; suffix: number[] } {
  const probe = 'a photo';
  const body = tokenizer.encode(probe, { add_special_tokens: false }).ids;
  const framed = tokenizer.encode(probe, { add_special_tokens: true }).ids;
  for (let start = 0; start + body.length <= framed.length; start++) {
    if (body.every((id, i) => framed[start + i] === id)) {
      const prefix = framed.slice(0, start);
      const suffix = framed.slice(start + body.length);
      if (prefix.length || suffix.length) return { prefix, suffix };
      break;
    }
  }
  const bos = idOf('bos_token');
  const eos = idOf('eos_token');
  return { prefix: bos === undefined ? [] : [bos], suffix: eos === undefined ? [] : [eos] };
}

function padIdFromJson(json: unknown): number | undefined {
  const padding = (json as { padding?: { pad_id?: unknown } | null }).padding;
  return typeof padding?.pad_id === 'number' ? padding.pad_id : undefined;
}

/** tokenizer_config.json names tokens either as strings or as AddedToken objects. */
function tokenName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}
