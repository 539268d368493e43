/** Types of redis.mjs (plain JavaScript, so the queue bench uses the same private Redis as the tests). */
export interface PrivateRedis {
  /** redis://127.0.0.1:PORT/0 */
  url: string;
  port: number;
  /** The data dir (the AOF lives in its appendonlydir/). */
  dir: string;
  /** SIGTERM: Redis flushes the AOF and exits; the data stays for restart(). */
  stop(): Promise<void>;
  /** SIGKILL: a crash. With appendfsync always, nothing acknowledged is lost. */
  kill9(): Promise<void>;
  /** Stops the server if it runs, then starts it again on the same port and dir. */
  restart(): Promise<void>;
  /** Stops the server and deletes its dir. */
  dispose(): Promise<void>;
}

/** A private Redis, or null when redis-server is not installed (outside CI; in CI it throws). */
export function startRedis(options?: {
  /** The append-only file, fsynced on every write, so data survives restart() and kill9(). @default true (a benchmark turns it off) */
  appendOnly?: boolean;
}): Promise<PrivateRedis | null>;
/** A TCP port free on 127.0.0.1 at the moment of asking. */
export function freePort(): Promise<number>;
