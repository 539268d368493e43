export function writePdf(objects: Array<string | Uint8Array>): Buffer;
export function stream(content: string | Uint8Array, dict?: string): Buffer;
