/**
 * What the sources of one run share, claimed synchronously before any await so that two fetches
 * finishing together cannot both take the same bytes or the same file name. Sources run side by
 * side, so a mirror link in one and the original in another may arrive in the same instant.
 */
import { extensionFor, KEEP_EXTENSIONS, type ContentKind } from './content.js';
import { rawPathFor, withUrlHash } from './raw-path.js';
import type { CrawlState, UrlRow } from './state.js';

export class RunClaims {
  /** sha256 → the URL whose copy holds those bytes. */
  private readonly hashes = new Map<string, string>();
  /** saved path → the URL it belongs to. */
  private readonly paths = new Map<string, string>();

  /** @param rawDir `<out>/raw`, where downloads are saved */
  constructor(
    private readonly state: CrawlState,
    private readonly rawDir: string,
  ) {}

  /**
   * The URL whose copy already holds these bytes, in this run or an earlier one; when there is
   * none, `url` has claimed them and its copy is the one to save.
   */
  async holderOf(sha256: string, url: string): Promise<string | undefined> {
    const claimed = this.hashes.get(sha256);
    if (!claimed) this.hashes.set(sha256, url);
    const holder = claimed && claimed !== url ? claimed : await this.state.holderOf(sha256, url);
    // An earlier run's copy: whoever brings the same bytes next in this run is sent to it.
    if (holder && !claimed) this.hashes.set(sha256, holder);
    return holder;
  }

  /**
   * The file for a URL's bytes: where its earlier bytes of the same kind are (a changed page keeps
   * its file, so ingest replaces its rows), else a new name from the URL that answered, never one
   * that another URL's bytes are in: `/a/plan` and `/a/plan.html` both name plan.html, so the
   * second to claim it gets a name with its URL's hash.
   */
  async pathFor(row: UrlRow, kind: ContentKind, bytes: Uint8Array, answered: string): Promise<string> {
    if (row.path && row.kind === kind) return row.path;
    const url = row.url;
    const plain = rawPathFor(this.rawDir, new URL(answered), extensionFor(kind, bytes), KEEP_EXTENSIONS[kind]);
    const claimed = this.paths.get(plain);
    if (claimed === url) return plain;
    if (!claimed) {
      // Claimed before the await, so a download finishing meanwhile sees the claim.
      this.paths.set(plain, url);
      const owner = await this.state.pathOwner(plain, url);
      if (!owner) return plain;
      this.paths.set(plain, owner);
    }
    const hashed = withUrlHash(plain, url);
    this.paths.set(hashed, url);
    return hashed;
  }
}
