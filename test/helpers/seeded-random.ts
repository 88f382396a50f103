// Tests and benchmarks use the engine's seeded generator, so synthetic libraries are reproducible.
export { rng } from '../../src/base/seeded-random';
