// Where a pid means one process: this boot of this machine, in this pid namespace. Two
// processes of one host name may see different pids for the same numbers (a container on the
// host's network, a Flatpak or other sandbox, each in a pid namespace of its own), and a
// reboot reuses them: a pid recorded in one scope says nothing about a process in another.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

let scope: string | undefined;

/** A short id of this process's pid scope (hex, or `boot-N` where Linux's /proc is not there). */
export function processScope(): string {
  scope ??= linuxScope() ?? `boot-${Math.round((Date.now() - os.uptime() * 1000) / 60_000)}`;
  return scope;
}

/** The boot's id and the pid namespace's inode, where Linux gives them. */
function linuxScope(): string | null {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = fs.statSync('/proc/self/ns/pid').ino;
    return createHash('sha256').update(`${boot}:${namespace}`).digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}
