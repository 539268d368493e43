import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

const NEWLINE = Buffer.from('\n');

/**
 * A file written under a temporary name and renamed into place only when complete, as ingest
 * publishes its JSON: an export stopped halfway leaves no truncated file that looks finished.
 */
export class TempFile {
  readonly temp: string;
  readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.temp = `${path}.tmp`;
    this.stream = createWriteStream(this.temp);
  }

  /** Write, waiting for the disk when the stream's buffer is full (back-pressure). */
  async write(chunk: string | Buffer): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** A batch of JSON lines (newline-separated, none after the last) and the line end it lacks. */
  async writeLines(lines: Buffer): Promise<void> {
    await this.write(lines);
    await this.write(NEWLINE);
  }

  async close(): Promise<void> {
    if (this.stream.closed) return;
    this.stream.end();
    await once(this.stream, 'close');
  }

  async publish(): Promise<void> {
    await this.close();
    await rename(this.temp, this.path);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}
