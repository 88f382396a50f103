// Bounds the memory `shoebox serve`'s WebSocket messages can take. The `ws` library holds a
// whole message before handing it over, then it is a string, a parsed object and (for a
// dropped image) decoded bytes: without a bound, eight clients sending 60 MB each took the
// server to 1 GB. Every connection is metered:
//
// - A message larger than SMALL_MESSAGE_BYTES, from its first megabyte on, needs one of a
//   few shared slots, held until it has been answered. A connection that cannot get one
//   stops being read (TCP backpressure: the client simply waits) until a slot frees.
// - A connection whose answered-not-yet messages add up to more than SMALL_MESSAGE_BYTES is
//   not read until they are answered, so one client cannot pile up work either.
//
// The same slots bound `POST /api` bodies over SMALL_MESSAGE_BYTES (request-body.ts): one bound
// for the whole server, whichever way a big message comes in.
//
// Bytes are counted at the socket, before `ws` assembles them: whatever has arrived and is
// not yet a whole message is the message in progress. Frame headers are counted at their
// smallest size, so a client can only overstate its own partial message, never hide one.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

export const SMALL_MESSAGE_BYTES = 1024 * 1024;

/** A first-come, first-served pool of slots for big messages, shared by all connections and /api requests. */
export class BigMessageSlots {
  private held = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Calls `granted` now or when a slot frees; the returned function gives it back (or stops waiting). */
  acquire(granted: () => void): () => void {
    let state: 'waiting' | 'held' | 'done' = 'waiting';
    const grant = () => {
      state = 'held';
      this.held++;
      granted();
    };
    if (this.held < this.size) grant();
    else this.queue.push(grant);
    return () => {
      if (state === 'held') {
        this.held--;
        this.queue.shift()?.();
      } else if (state === 'waiting') {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
      }
      state = 'done';
    };
  }
}

export interface MeteredConnection {
  /** A whole message of `bytes` arrived; call the result once it has been answered. */
  received(bytes: number): () => void;
  /** The connection closed: give its slot back. */
  closed(): void;
}

/** Meters `ws` over `socket` (the upgraded TCP socket); `head` bytes arrived with the handshake. */
export function meterConnection(ws: WebSocket, socket: Duplex, head: number, slots: BigMessageSlots): MeteredConnection {
  let arrived = head;
  let assembled = 0;
  let processing = 0;
  let slot: { granted: boolean; giveBack: () => void } | null = null;
  let paused = false;

  const update = () => {
    const pause = (slot !== null && !slot.granted) || processing > SMALL_MESSAGE_BYTES;
    if (pause === paused) return;
    paused = pause;
    if (pause) ws.pause();
    else ws.resume();
  };
  const check = () => {
    if (slot === null && arrived - assembled > SMALL_MESSAGE_BYTES) {
      const ticket = { granted: false, giveBack: () => {} };
      slot = ticket;
      ticket.giveBack = slots.acquire(() => {
        ticket.granted = true;
        update();
      });
    }
    update();
  };
  socket.on('data', (chunk: Buffer) => {
    arrived += chunk.length;
    check();
  });

  return {
    received(bytes) {
      assembled += bytes + minimalFrameHeader(bytes);
      processing += bytes;
      // The message that needed the slot is this one (TCP keeps a connection's bytes in order).
      const owned = slot;
      slot = null;
      update();
      let answered = false;
      return () => {
        if (answered) return;
        answered = true;
        processing -= bytes;
        owned?.giveBack();
        check();
      };
    },
    closed() {
      slot?.giveBack();
      slot = null;
    },
  };
}

/** A client's (masked) frame header for a payload of `bytes`: 2 bytes, the mask, the extended length. */
function minimalFrameHeader(bytes: number): number {
  return 6 + (bytes < 126 ? 0 : bytes < 65536 ? 2 : 8);
}
