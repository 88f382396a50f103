import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { externalDataLocations } from '../../../src/core/models/onnx-external-data';
import { ModelError } from '../../../src/core/models/model-error';
import { externalTensor, externalizeInitializers, lenField, message, varintField } from '../../helpers/onnx-wire';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-onnx-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('externalDataLocations', () => {
  it('finds external data in initializers, Constant attributes, sparse tensors, functions and subgraphs', () => {
    const inline = message(varintField(1, 2), varintField(2, 1), lenField(8, 'inline'), lenField(9, Buffer.alloc(8, 1)));
    const constantNode = message(lenField(4, 'Constant'), lenField(5, message(lenField(1, 'value'), lenField(5, externalTensor('c', 'Constant_7_attr__value')))));
    const sparse = message(lenField(1, externalTensor('v', 'sparse.bin')), lenField(2, message(varintField(1, 1), lenField(9, Buffer.alloc(8)))));
    const subgraph = message(lenField(5, externalTensor('s', 'sub/weights.bin')));
    const ifNode = message(lenField(4, 'If'), lenField(5, message(lenField(1, 'then_branch'), lenField(6, subgraph))));
    const graph = message(
      lenField(1, constantNode),
      lenField(1, ifNode),
      lenField(5, inline),
      lenField(5, externalTensor('w1', 'model.onnx_data', 0, 16)),
      lenField(5, externalTensor('w2', 'model.onnx_data', 16, 16)),
      lenField(15, sparse),
    );
    const fnNode = message(lenField(4, 'Constant'), lenField(5, message(lenField(1, 'value'), lenField(5, externalTensor('f', 'fn.bin')))));
    const model = message(varintField(1, 8), lenField(2, 'test'), lenField(7, graph), lenField(25, message(lenField(1, 'fn'), lenField(7, fnNode))));
    const file = write('model.onnx', model);
    expect(externalDataLocations(file)).toEqual(['Constant_7_attr__value', 'sub/weights.bin', 'model.onnx_data', 'sparse.bin', 'fn.bin']);
  });

  it('reports nothing for a graph with inline weights (the tiny fixture)', () => {
    const file = path.join(fixtureModelDir(TINY_IMMICH), 'textual/model.onnx');
    expect(externalDataLocations(file)).toEqual([]);
  });

  it('reads the weights moved out of a real graph', () => {
    const original = fs.readFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'textual/model.onnx'));
    const { model } = externalizeInitializers(original, 'model.onnx_data');
    expect(externalDataLocations(write('model.onnx', model))).toEqual(['model.onnx_data']);
  });

  it('ignores external_data entries unless data_location says EXTERNAL, as ONNX Runtime does', () => {
    const tensor = message(lenField(8, 't'), lenField(13, message(lenField(1, 'location'), lenField(2, 'ignored.bin'))));
    const model = message(lenField(7, message(lenField(5, tensor))));
    expect(externalDataLocations(write('model.onnx', model))).toEqual([]);
  });

  it('refuses locations outside the model folder', () => {
    for (const bad of ['../secret', '/etc/passwd', 'a/../../b', 'C:\\x.bin']) {
      const model = message(lenField(7, message(lenField(5, externalTensor('t', bad)))));
      const file = write('model.onnx', model);
      expect(() => externalDataLocations(file)).toThrow(/outside its folder/);
    }
  });

  it('fails with one clear line on a file that is not a graph', () => {
    const file = write('model.onnx', Buffer.from([0x3a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    let error: unknown;
    try {
      externalDataLocations(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toContain('is not a valid ONNX model');
  });
});
