/**
 * The paragraph being built while lines are joined, as the joining rules need to see it: its start,
 * its end, its length and whether a sentence ended inside it. Those rules read a paragraph's ends
 * (a title, a table row, an open clause, a note) or only look at short paragraphs, so a long one is
 * kept as its first and last VIEW characters. Testing the whole paragraph at every join made a
 * paragraph of n lines cost n² (a 400,000-character scan without stops took minutes).
 */
const VIEW = 1000;
const STOP = /[。！？；]/;

export class ParagraphView {
  private head = '';
  private tail = '';
  /** Length in UTF-16 code units. */
  length = 0;
  /** A sentence ended somewhere in the paragraph. */
  hasStop = false;

  constructor(first: string) {
    this.add(first);
  }

  add(line: string): void {
    if (this.head.length < VIEW) this.head += line.slice(0, VIEW - this.head.length);
    this.tail = line.length >= VIEW ? line.slice(-VIEW) : (this.tail + line).slice(-VIEW);
    this.length += line.length;
    this.hasStop ||= STOP.test(line);
  }

  /** The whole paragraph while it is short; its first and last VIEW characters once it is long. */
  get text(): string {
    if (this.length <= VIEW) return this.head;
    if (this.length <= 2 * VIEW) return this.head + this.tail.slice(this.tail.length - (this.length - VIEW));
    return this.head + this.tail;
  }
}
