// The no-model screens (first run, the banner over a library viewed without a model) add the
// status' model problem under their offer of a model unless it is their own subject, decided
// by the kind the core sets, not by how the sentence begins.
import { describe, expect, it } from 'vitest';
import { modelProblemNote } from '../../../src/renderer/components/model-problem-note';

describe('the model problem a no-model screen adds', () => {
  it('says nothing for "no model on this device", however the core words it', () => {
    expect(modelProblemNote({ modelProblem: 'No model yet: install one (shoebox models install vit-b-32)', modelProblemKind: 'no-model' })).toBeNull();
    // The library's own model, offered in the sentence: still the screen's own subject.
    expect(modelProblemNote({ modelProblem: "this library's photos are embedded with tiny-immich, which is not in the catalog", modelProblemKind: 'no-model' })).toBeNull();
    expect(modelProblemNote({ modelProblem: null, modelProblemKind: null })).toBeNull();
    expect(modelProblemNote(null)).toBeNull();
  });

  it('shows every other kind, whatever its first words', () => {
    const broken = 'the active model tiny is incomplete or broken: no model.onnx; shoebox models install tiny';
    expect(modelProblemNote({ modelProblem: broken, modelProblemKind: 'unusable' })).toBe(broken);
    const named = 'No model yet: model x is not installed (shoebox models install x)';
    expect(modelProblemNote({ modelProblem: named, modelProblemKind: 'not-found' })).toBe(named);
    const busy = 'The model is installed, but the library cannot be opened with it yet: library busy';
    expect(modelProblemNote({ modelProblem: busy, modelProblemKind: 'not-opened' })).toBe(busy);
  });
});
