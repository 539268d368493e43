import { Redis, type RedisOptions } from 'ioredis';
import { StopError, UsageError } from '../../../schemas/errors.js';

/**
 * Where the queue lives: one Redis database named by URL (redis://[user:pass@]host[:port][/db],
 * rediss:// for TLS). Checked before any file is read, so a mistyped URL is a usage error, not a
 * batch of failures.
 */
export interface QueueAddress {
  url: string;
  /** What a user may be shown: the URL without its password. */
  shown: string;
  options: RedisOptions;
}

/** The BullMQ queue of source files; results come back on it too. */
export const QUEUE_NAME = 'renda-files';

export function parseQueueUrl(raw: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`--queue: expected a Redis URL such as redis://host:6379/0, got '${raw}'`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UsageError(`--queue: expected redis:// or rediss://, got '${u.protocol}//'`);
  if (!u.hostname) throw new UsageError(`--queue: no host in '${raw}'`);
  const db = u.pathname.replace(/^\//, '') || '0';
  if (!/^\d{1,2}$/.test(db)) throw new UsageError(`--queue: the database is a number (redis://host:6379/0), got '${db}'`);
  const port = u.port ? Number(u.port) : 6379;
  const options: RedisOptions = {
    host: u.hostname,
    port,
    db: Number(db),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's blocking commands wait as long as they must; ioredis keeps reconnecting through a
    // Redis restart instead of failing the commands in flight.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  };
  const shown = `${u.protocol}//${u.hostname}:${port}/${db}`;
  return { url: raw, shown, options };
}

/** A plain connection for what BullMQ does not carry (a file's bytes). */
export function connect(address: QueueAddress): Redis {
  return new Redis(address.options);
}

/**
 * One PING on a connection that does not retry: a Redis that is not there stops a command at
 * once with a clear message, instead of leaving it waiting on reconnects.
 */
export async function probe(address: QueueAddress, ms = 5000): Promise<void> {
  const redis = new Redis({ ...address.options, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: ms, lazyConnect: true });
  redis.on('error', () => undefined); // the rejection below carries it
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new StopError('queue_unreachable', `cannot reach Redis at ${address.shown}: ${(err as Error).message}`, { cause: err });
  } finally {
    redis.disconnect();
  }
}

/**
 * `work`, or an Error with `message` after `ms`: commands wait (not fail) while Redis is away, so
 * whatever must not wait for it forever (a reachability ping, a close) is given a deadline.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
