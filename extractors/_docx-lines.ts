/**
 * Lines as the DOCX body reader collects them: a list of lines and of other such lists, nested
 * where a table or a text box sat. A finished table or paragraph hands its lines to the one around
 * it as one reference, never a copy, so a table nested 50,000 tables deep is not copied 50,000
 * times; the lists are flattened once, at the end, without recursion.
 */
export type Lines = Array<string | Lines>;

export function flatten(lines: Lines): string[] {
  const out: string[] = [];
  const stack: Array<{ list: Lines; at: number }> = [{ list: lines, at: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.at >= top.list.length) {
      stack.pop();
      continue;
    }
    const item = top.list[top.at++];
    if (typeof item === 'string') out.push(item);
    else stack.push({ list: item, at: 0 });
  }
  return out;
}
