/**
 * A bound on how deep a parsed page nests, so that the extractor's tree walks (which recurse: they
 * are clearer that way, and real pages nest a few dozen levels) never meet a page built to overflow
 * the call stack. Below the bound, a subtree is flattened in document order: its text nodes stay, in
 * order, and each element becomes an empty marker of itself before and after its content, so block
 * elements still end lines and line breaks still break. Tables that deep lose their cells' grouping,
 * never their text. Runs once, iteratively.
 */
import type { ChildNode, Element, ParentNode } from 'domhandler';
import { isElement, SKIP } from './_html-render.js';

/** Real pages nest a few dozen levels (layout tables in layout tables); hundreds is generated. */
export const MAX_DEPTH = 256;

export function capDepth(root: ParentNode, max = MAX_DEPTH): void {
  const stack: Array<{ node: ParentNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    for (const child of node.children) {
      if (!('children' in child) || child.children.length === 0) continue;
      if (depth + 1 >= max) setChildren(child, flatten(child.children));
      else stack.push({ node: child, depth: depth + 1 });
    }
  }
}

/** The nodes under `nodes` as one flat list: text and empty element markers in document order. */
function flatten(nodes: ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  // Explicit stack of what is left to emit; an element is emitted as a marker, its children, a marker.
  const todo: Array<ChildNode | { close: Element }> = [...nodes].reverse();
  while (todo.length) {
    const next = todo.pop()!;
    if ('close' in next) {
      out.push(marker(next.close));
      continue;
    }
    // Never text, however deep: dropped with what they hold, as the renderer would skip them.
    if (isElement(next) && SKIP.has(next.name)) continue;
    if (isElement(next) && next.children.length) {
      const children = next.children;
      out.push(marker(next));
      todo.push({ close: next });
      for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]);
    } else out.push(next);
  }
  return out;
}

/** An empty copy of an element: its name and attributes. */
const marker = (el: Element): Element => el.cloneNode(false);

function setChildren(parent: ParentNode, children: ChildNode[]): void {
  for (const c of children) {
    c.parent = parent;
    c.prev = null;
    c.next = null;
  }
  for (let i = 0; i < children.length; i++) {
    if (i > 0) children[i].prev = children[i - 1];
    if (i + 1 < children.length) children[i].next = children[i + 1];
  }
  parent.children = children;
}
