// CLIP's byte-level BPE, loaded from the model folder's own tokenizer.json through
// @huggingface/tokenizers (reproduces OpenAI's reference ids exactly; see the tokenizer test).
// Rows are framed the way CLIP's reference does: start token, the first (context - 2) text
// tokens, end token, then padding. Truncation keeps the end token because text models
// pool at the end token's position.
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
    readonly startId: number,
    readonly endId: number,
    readonly padId: number,
  ) {}

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
    const idOf = (key: string, fallback: string): number => {
      const token = tokenName(tokenizerConfig[key]) ?? fallback;
      const id = tokenizer.token_to_id(token);
      if (id === undefined) throw new ModelFolderError(`${tokenizerJsonPath}: has no token ${token} (${key})`);
      return id;
    };
    const startId = idOf('bos_token', '<|startoftext|>');
    const endId = idOf('eos_token', '<|endoftext|>');
    // OpenAI's reference pads with 0; folders whose tokenizer_config names a pad token use it.
    const padId = tokenizerConfig.pad_token === undefined || tokenizerConfig.pad_token === null ? 0 : idOf('pad_token', '');
    if (contextLength < 2) throw new ModelFolderError(`${tokenizerJsonPath}: context length ${contextLength} is too short`);
    return new ClipTokenizer(tokenizer, contextLength, startId, endId, padId);
  }

  /** BPE ids of the text alone, without start/end tokens and untruncated. */
  textIds(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  encode(texts: readonly string[]): TokenizedBatch {
    const rows: number[][] = [];
    const attentionMask: number[][] = [];
    for (const text of texts) {
      const body = this.textIds(text).slice(0, this.contextLength - 2);
      const row = [this.startId, ...body, this.endId];
      const used = row.length;
      while (row.length < this.contextLength) row.push(this.padId);
      rows.push(row);
      attentionMask.push(row.map((_, i) => (i < used ? 1 : 0)));
    }
    return { rows, attentionMask };
  }
}

/** tokenizer_config.json names tokens either as strings or as AddedToken objects. */
function tokenName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}
