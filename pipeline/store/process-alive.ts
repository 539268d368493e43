/**
 * Whether a process of this host still runs: signal 0 tests without signalling. EPERM means it runs
 * under another user. Used to tell a dead writer's leftovers (a lock, a temporary file) from a live one's.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
