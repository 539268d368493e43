/**
 * robots.txt (RFC 9309): groups of user-agent lines with their Allow/Disallow rules. The group
 * naming our product token applies, else the `*` group; several groups naming the same agent are
 * merged. Of the rules matching a path the longest wins, and Allow wins a tie. `*` matches any run
 * of characters and a final `$` anchors the end. Crawl-delay is not in the RFC but is what Chinese
 * government sites use to ask for slower crawling, so it is honoured when it asks for more than
 * the configured delay.
 */

export interface RobotsRules {
  /** Whether `pathAndQuery` (URL.pathname + URL.search) may be fetched. */
  allows(pathAndQuery: string): boolean;
  /** Crawl-delay of the applicable group, in milliseconds. */
  crawlDelayMs?: number;
}

interface Rule {
  allow: boolean;
  length: number;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelayMs?: number;
}

export const ALLOW_ALL: RobotsRules = { allows: () => true };
export const DISALLOW_ALL: RobotsRules = { allows: () => false };

/** The product token robots.txt groups are matched against: the User-Agent's first word, without version. */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[\s/]/)[0].toLowerCase();
}

export function parseRobots(text: string, userAgent: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share the rules that follow them.
      if (!lastWasAgent || !current) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(productToken(value) || value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if ((key === 'allow' || key === 'disallow') && value) current.rules.push(compile(value, key === 'allow'));
    else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelayMs = Math.round(seconds * 1000);
    }
  }
  const token = productToken(userAgent);
  let applicable = groups.filter((g) => g.agents.includes(token));
  if (!applicable.length) applicable = groups.filter((g) => g.agents.includes('*'));
  const rules = applicable.flatMap((g) => g.rules);
  const delays = applicable.map((g) => g.crawlDelayMs).filter((d): d is number => d !== undefined);
  return {
    allows(pathAndQuery) {
      const path = normalise(pathAndQuery || '/');
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.regex.test(path)) continue;
        if (!best || r.length > best.length || (r.length === best.length && r.allow && !best.allow)) best = r;
      }
      return best ? best.allow : true;
    },
    crawlDelayMs: delays.length ? Math.max(...delays) : undefined,
  };
}

function compile(pattern: string, allow: boolean): Rule {
  const p = normalise(pattern);
  const anchored = p.endsWith('$');
  const body = anchored ? p.slice(0, -1) : p;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { allow, length: p.length, regex: new RegExp(`^${source}${anchored ? '$' : ''}`) };
}

/**
 * Paths and patterns compared in one form: non-ASCII percent-encoded as UTF-8 and escapes in upper
 * case, so "/通知/" in a robots.txt matches the "/%E9%80%9A%E7%9F%A5/" a URL carries.
 */
function normalise(s: string): string {
  return s
    .replace(/[^\x00-\x7f]+/g, (c) => encodeURIComponent(c))
    .replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}
