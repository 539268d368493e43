/**
 * LibreOffice as a converter for legacy Word files (.doc, the OLE2 format the DOCX reader cannot read).
 * Optional: found on PATH as `soffice` or `libreoffice`, or named by RENDA_SOFFICE; without it a
 * .doc is refused with a hint. Each conversion gets its own throw-away profile folder, so two
 * conversions (or a desktop LibreOffice the user has open) never lock each other out.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

let found: Promise<string | null> | undefined;

/**
 * The LibreOffice binary, or null. RENDA_SOFFICE names it, or is `none` to switch conversion off;
 * otherwise PATH is searched, once per process.
 */
export function findSoffice(): Promise<string | null> {
  const named = process.env.RENDA_SOFFICE;
  if (named) return Promise.resolve(named === 'none' ? null : named);
  found ??= (async () => {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      for (const name of ['soffice', 'libreoffice']) {
        const candidate = join(dir, name);
        if (await access(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
      }
    }
    return null;
  })();
  return found;
}

const TIMEOUT_MS = 120_000;

/** Convert Word bytes to DOCX bytes; throws with LibreOffice's own words when it cannot. */
export async function convertToDocx(soffice: string, bytes: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'renda-doc-'));
  try {
    const input = join(dir, 'source.doc');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', join(dir, 'out'), input],
        { timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 },
        (err, _stdout, stderr) => (err ? reject(new Error(`${err.message.split('\n')[0]} ${stderr}`.trim())) : resolve(stderr)),
      );
    });
    const outputs: string[] = await readdir(join(dir, 'out')).catch(() => []);
    if (!outputs.includes('source.docx')) throw new Error(`LibreOffice wrote no DOCX${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    return await readFile(join(dir, 'out', 'source.docx'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
