import { readFileSync } from 'node:fs';

/**
 * The native stack, in MiB, for a thread that starts onnxruntime. When onnxruntime first starts in
 * a process it reads /proc/self/cmdline and runs a matcher over it that recurses once or twice per
 * byte (the crash's frames repeat three functions of libonnxruntime 43,000 times): about 250 bytes
 * of stack per byte of the command line. A worker thread's default 4 MiB overflowed at about 16 KB,
 * which is `renda ingest` given some 350 files by name, and the whole process died with SIGSEGV
 * (the main thread's 8 MiB at about 33 KB). Sized here from the command line, with twice the room
 * measured, so a batch named on the command line can be as long as the system allows.
 */
export function onnxThreadStackMb(): number {
  // The command line does not change while the process runs: read once, not at every engine's start.
  return (stackMb ??= measure());
}
let stackMb: number | undefined;

function measure(): number {
  const BYTES_PER_BYTE = 512;
  const FLOOR_MB = 8;
  // Linux's default limit on arguments is 2 MiB (a quarter of an 8 MiB stack limit): 1 GiB of address space
  // covers it. The memory is only reserved; pages are used as the recursion reaches them.
  const CEILING_MB = 1024;
  return Math.min(CEILING_MB, FLOOR_MB + Math.ceil((commandLineBytes() * BYTES_PER_BYTE) / 2 ** 20));
}

function commandLineBytes(): number {
  try {
    return readFileSync('/proc/self/cmdline').length;
  } catch {
    // Not Linux (no /proc for onnxruntime to read either): sized from the arguments anyway, to be safe.
    return [process.execPath, ...process.execArgv, ...process.argv.slice(1)].reduce((n, a) => n + Buffer.byteLength(a) + 1, 0);
  }
}
