import ort from 'onnxruntime-node';
const path = '.cache/fixtures/models/vit-b32-immich/visual/model.onnx';
for (const [label, opts] of [
  ['default', {}],
  ['nospin', { extra: { session: { intra_op: { allow_spinning: '0' } } } }],
  ['all+seq', { graphOptimizationLevel: 'all', executionMode: 'sequential', interOpNumThreads: 1 }],
]) {
  const s = await ort.InferenceSession.create(path, opts);
  for (const b of [1, 8]) {
    const x = new ort.Tensor('float32', new Float32Array(b*3*224*224).map(() => Math.random()), [b,3,224,224]);
    await s.run({ image: x });
    const t0 = performance.now(); const R = b === 1 ? 8 : 3;
    for (let r = 0; r < R; r++) await s.run({ image: x });
    console.log(label, 'batch', b, ((b*R)/((performance.now()-t0)/1000)).toFixed(1), 'img/s');
  }
  await s.release();
}
