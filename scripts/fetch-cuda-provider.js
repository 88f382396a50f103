#!/usr/bin/env node
// Fetches ONNX Runtime's CUDA execution provider for a Linux x64 machine with an NVIDIA GPU.
// `npm install` skips this on purpose (package.json `allowScripts` declines onnxruntime-node's
// install script): the files come from outside the npm registry and are ~1 GB.
// This runs onnxruntime-node's own installer, asking for CUDA 12 explicitly.
// The machine also needs the NVIDIA driver, CUDA 12 runtime and cuDNN 9 libraries (README).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`fetch-cuda: the CUDA provider is downloaded only on linux-x64 (this is ${process.platform}-${process.arch}); see the README for this platform's GPU.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const installer = path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'script', 'install.js');
const result = spawnSync(process.execPath, [installer], {
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12', npm_config_onnxruntime_node_install: 'cuda12' },
});
if (result.status !== 0) {
  console.error('fetch-cuda: the download failed; Shoebox keeps working on the CPU.');
  process.exit(1);
}
console.log('fetch-cuda: done. `npx shoebox info` shows whether CUDA now loads (it needs CUDA 12 and cuDNN 9 on the library path).');
