/**
 * The XML of a DOCX part as a stream of open, close and text events (saxes). Nothing is built from
 * the input's nesting: no tree, no recursion, so a part 50,000 elements deep costs what a flat one
 * of the same size does. DTDs are never read: a DOCTYPE is passed over, and an entity it declares
 * (an external one naming a local file or a URL, or a "billion laughs" chain) reads as nothing.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileError } from '../schemas/errors.js';
import { readPart } from './_docx-part.js';
import type { ZipEntry } from './_docx-zip.js';

/** Namespaces by URI, named as Word names them; the Strict (ISO) URIs read like the Transitional ones. */
const PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

/**
 * An element as the readers see it: `name` is "w:p" whatever prefix the file uses (a writer may
 * say "ns0:p"); `attrs` are keyed the same way ("w:val"), attributes without a namespace by their
 * bare name ("Target"). Elements of namespaces not listed above are named "?:local".
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
}

export interface XmlHandler {
  open(el: XmlElement): void;
  /** The element's name as in `XmlElement`. */
  close(name: string): void;
  /** Character data (entities resolved, CDATA included), in document order. */
  text(text: string): void;
}

const qualified = (uri: string, local: string): string => (uri ? `${PREFIX[uri] ?? '?'}:${local}` : local);

/**
 * Namespace prefixes in scope, one stack of URIs per prefix ('' the default namespace). saxes can
 * resolve prefixes itself (its xmlns option), but it looks each one up through every open element,
 * which makes a part 50,000 deep cost minutes; here a lookup is one map access, and the names
 * resolved are kept until a declaration changes what a prefix means (Word declares them all on
 * the root, so that is once per part).
 */
class Namespaces {
  private readonly bound = new Map<string, string[]>([['xml', ['http://www.w3.org/XML/1998/namespace']]]);
  /** Per open element, the prefixes it declared (null for most elements, which declare none). */
  private readonly declared: Array<string[] | null> = [];
  /** Resolved names by qualified name, of elements and of attributes (which differ without a prefix). */
  private readonly elements = new Map<string, string>();
  private readonly attributes = new Map<string, string>();

  /** Takes in the declarations of an opening tag. */
  enter(attributes: Record<string, string>): void {
    let mine: string[] | null = null;
    for (const name in attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      const stack = this.bound.get(prefix);
      if (stack) stack.push(attributes[name]);
      else this.bound.set(prefix, [attributes[name]]);
      (mine ??= []).push(prefix);
    }
    if (mine) this.forget();
    this.declared.push(mine);
  }

  /** Drops the declarations of the element that closes. */
  leave(): void {
    const mine = this.declared.pop();
    if (!mine) return;
    for (const prefix of mine) this.bound.get(prefix)?.pop();
    this.forget();
  }

  private forget(): void {
    this.elements.clear();
    this.attributes.clear();
  }

  /** "w:p" for a qualified name in a known namespace; attributes without a prefix have none. */
  name(qname: string, isAttribute: boolean): string {
    const resolved = isAttribute ? this.attributes : this.elements;
    let name = resolved.get(qname);
    if (name === undefined) {
      const colon = qname.indexOf(':');
      if (colon < 0 && isAttribute) name = qname;
      else {
        const stack = this.bound.get(colon < 0 ? '' : qname.slice(0, colon));
        name = qualified(stack?.[stack.length - 1] ?? '', qname.slice(colon + 1));
      }
      resolved.set(qname, name);
    }
    return name;
  }

  element(tag: SaxesTagPlain): XmlElement {
    let attrs = NO_ATTRIBUTES;
    for (const name in tag.attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (attrs === NO_ATTRIBUTES) attrs = {};
      attrs[this.name(name, true)] = tag.attributes[name];
    }
    return { name: this.name(tag.name, false), attrs };
  }
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Streams one part through `handler`. Throws corrupt_docx with the parser's message and position
 * when the part is not well-formed XML (as mammoth did), part_too_large past `partBytes`.
 */
export async function parsePart(bytes: Uint8Array, entry: ZipEntry, partBytes: number, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; fileName: string }>({ xmlns: false, fileName: entry.name });
  const namespaces = new Namespaces();
  // Every named entity other than XML's own five reads as nothing, declared in the DTD or not:
  // what a declaration names is never fetched or expanded, and the text around it is kept.
  const own = parser.ENTITIES;
  parser.ENTITIES = new Proxy(own, { get: (target, name) => (typeof name === 'string' && name in target ? target[name] : '') });
  let error: Error | null = null;
  parser.on('error', (err) => void (error ??= err));
  parser.on('opentag', (tag) => {
    namespaces.enter(tag.attributes);
    handler.open(namespaces.element(tag));
  });
  parser.on('closetag', (tag) => {
    handler.close(namespaces.name(tag.name, false));
    namespaces.leave();
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const check = (): void => {
    if (error) throw new FileError('corrupt_docx', `not a readable DOCX: ${error.message}`, { cause: error });
  };
  await readPart(bytes, entry, partBytes, (chunk) => {
    parser.write(chunk);
    check();
  });
  parser.close();
  check();
}
