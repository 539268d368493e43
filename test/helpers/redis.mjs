/**
 * A private redis-server for one test file (or one benchmark): its own free port on 127.0.0.1, its own temp dir, no
 * config file from /etc (so the machine's Redis settings, or a Redis already on 6379, never leak in),
 * and an append-only file fsynced on every write, so restart() after stop() or even kill9() finds
 * every queued job again. The server is killed when the test process exits, whatever happened.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


const REDIS_SERVER = process.env.REDIS_SERVER || 'redis-server';
// The 'exit' handler below does not run when the test process is killed by a signal (a vitest
// timeout, Ctrl-C); setpriv (util-linux) makes the kernel SIGKILL the server when its parent dies.
const DEATH_SIG = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'KILL'] : [];
const START_TIMEOUT_MS = 10_000;

// Every server still running when the test process ends is killed, and its dir removed, even when a
// test timed out before its afterAll could run. 'exit' handlers must be synchronous, which kill()
// and rmSync are.
const live = new Set();
const dirs = new Set();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts a private Redis. Returns null when redis-server is not installed, so a local run can skip
 * with a message; with CI set it throws instead, because CI must fail rather than skip silently.
 */
export async function startRedis({ appendOnly = true } = {}) {
  const probe = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = `${REDIS_SERVER} not found (apt-get install redis-server)`;
    if (process.env.CI) throw new Error(`${why}; CI needs it for the queue tests`);
    return null;
  }

  const dir = mkdtempSync(join(tmpdir(), 'renda-redis-'));
  dirs.add(dir);
  let port = 0;
  let child = null;
  // A free port found by binding port 0 can be taken by someone else before Redis binds it; a
  // fresh port is tried a few times before giving up.
  for (let tries = 0; ; tries++) {
    port = await freePort();
    try {
      child = await launch(port, dir, appendOnly);
      break;
    } catch (err) {
      if (tries >= 2) throw err;
    }
  }

  const stopWith = async (signal) => {
    const c = child;
    child = null;
    if (c) await terminate(c, signal);
  };
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    dir,
    stop: () => stopWith('SIGTERM'),
    kill9: () => stopWith('SIGKILL'),
    async restart() {
      await stopWith('SIGTERM');
      child = await launch(port, dir, appendOnly);
    },
    async dispose() {
      await stopWith('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Spawns redis-server and resolves once it answers PING (not while it still loads the AOF). */
async function launch(port, dir, appendOnly) {
  // Arguments only, no config file: the first argument starting with -- tells Redis so.
  // save "" turns RDB snapshots off (the AOF is the only persistence, so a restart reads exactly
  // what was acknowledged); noeviction is what BullMQ requires (it warns otherwise) and the default,
  // stated so a changed default cannot silently drop jobs.
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', appendOnly ? 'yes' : 'no',
    '--appendfsync', 'always', '--dir', dir, '--daemonize', 'no', '--maxmemory-policy', 'noeviction',
    '--loglevel', 'warning',
  ];
  const [cmd, ...pre] = [...DEATH_SIG, REDIS_SERVER]; // setpriv execs redis-server: same pid
  const child = spawn(cmd, [...pre, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let log = '';
  const keep = (b) => (log = (log + b.toString()).slice(-4000)); // the tail, for error messages
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((_, reject) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      reject(new Error(`redis-server on port ${port} exited (${code ?? signal}) before answering PING:\n${log}`));
    }),
  );
  exited.catch(() => {}); // only awaited while starting; a later exit is expected (stop, kill9)
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (true) {
    const answer = await Promise.race([ping(port), exited]);
    if (answer === '+PONG') return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not answer PING within ${START_TIMEOUT_MS} ms (last: ${answer}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One inline PING over a raw socket: the first reply line ('+PONG', '-LOADING …') or the error. */
function ping(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    const done = (s) => {
      sock.destroy();
      resolve(s);
    };
    sock.setTimeout(1000, () => done('timeout'));
    sock.once('error', (err) => done(String(err)));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      const end = buf.indexOf('\r\n');
      if (end >= 0) done(buf.slice(0, end));
    });
  });
}

function terminate(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A SIGTERM that does not end Redis within 10 s (it should take milliseconds) becomes SIGKILL.
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
