export function startInputs(root: string): string[];
