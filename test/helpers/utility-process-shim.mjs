// Runs a built engine entry (out/main/engine.js) under plain Node the way Electron's
// utilityProcess runs it: process.parentPort delivers one 'start' message with a port.
// The port is a worker_threads MessagePort dressed as Electron's MessagePortMain
// ({data} events, start()); its other end is relayed to the parent over fork()'s IPC.
//   node utility-process-shim.mjs <engine.js> <start options as JSON>
import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const [entry, optionsJson] = process.argv.slice(2);
const { port1, port2 } = new MessageChannel();

const engineSide = {
  on(event, listener) {
    if (event === 'message') port1.on('message', (data) => listener({ data, ports: [] }));
    return this;
  },
  postMessage: (message) => port1.postMessage(message),
  start() {},
};

const parent = new EventEmitter();
process.parentPort = { once: (event, listener) => parent.once(event, listener), on: (event, listener) => parent.on(event, listener) };

port2.on('message', (message) => process.send?.(message));
process.on('message', (message) => port2.postMessage(message));

await import(pathToFileURL(entry).href);
parent.emit('message', { data: { type: 'start', options: JSON.parse(optionsJson) }, ports: [engineSide] });
