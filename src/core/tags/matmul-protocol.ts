// Messages between the tagging engine and its matrix worker (matmul-worker.ts).
export type MatmulRequest =
  /** Makes `bt` ([d, l], row-major) the right operand of later products. */
  | { id: number; op: 'load'; bt: Float32Array; d: number; l: number }
  /** c = a · bt with a [n, d]. */
  | { id: number; op: 'run'; a: Float32Array; n: number };

export type MatmulResponse = { id: number; ok: true; c: Float32Array } | { id: number; ok: false; message: string };
