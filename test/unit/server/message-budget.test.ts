// The memory bound on `shoebox serve`'s WebSocket messages, with stand-in sockets: a big
// message needs a shared slot (its connection is not read while it waits), and a connection
// with too much unanswered work is not read until it is answered.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { BigMessageSlots, SMALL_MESSAGE_BYTES, meterConnection } from '../../../src/server/message-budget';

const MB = 1024 * 1024;

function connection(slots: BigMessageSlots) {
  const socket = new EventEmitter();
  const state = { paused: false };
  const ws = { pause: () => (state.paused = true), resume: () => (state.paused = false) } as unknown as WebSocket;
  const meter = meterConnection(ws, socket as unknown as Duplex, 0, slots);
  return { state, meter, arrive: (bytes: number) => socket.emit('data', Buffer.alloc(bytes)) };
}

describe('the WebSocket message budget', () => {
  it('lets one big message in per slot; the next connection waits, unread, until it is answered', () => {
    const slots = new BigMessageSlots(1);
    const a = connection(slots);
    const b = connection(slots);
    a.arrive(2 * MB);
    expect(a.state.paused).toBe(false); // got the slot, keeps reading its message
    b.arrive(2 * MB);
    expect(b.state.paused).toBe(true); // no slot: not read any further
    a.arrive(1 * MB);
    const answered = a.meter.received(3 * MB);
    expect(a.state.paused).toBe(true); // its message is being answered: read nothing more meanwhile
    answered();
    expect(a.state.paused).toBe(false);
    expect(b.state.paused).toBe(false); // the slot went to b
  });

  it('needs no slot for small messages, but stops reading a connection whose unanswered work passes 1 MB', () => {
    const slots = new BigMessageSlots(0); // no big message could ever get in
    const c = connection(slots);
    const done: (() => void)[] = [];
    for (let i = 0; i < 3; i++) {
      c.arrive(SMALL_MESSAGE_BYTES / 2 - 8);
      done.push(c.meter.received(SMALL_MESSAGE_BYTES / 2 - 8));
    }
    expect(c.state.paused).toBe(true);
    done[0]!();
    done[1]!();
    expect(c.state.paused).toBe(false);
  });

  it('gives the slot back when a connection closes, waiting or holding', () => {
    const slots = new BigMessageSlots(1);
    const a = connection(slots);
    const b = connection(slots);
    const c = connection(slots);
    a.arrive(2 * MB);
    b.arrive(2 * MB);
    c.arrive(2 * MB);
    b.meter.closed(); // gave up waiting
    a.meter.closed(); // gave its slot back: c is next
    expect(c.state.paused).toBe(false);
  });
});
