/** What segmentation finds: the sections and items of one document, by their spans. */

/** Months, committee and leads stated by a table row rather than by the item's text. */
export interface TableCellHints {
  months?: number[];
  /** A one- or two-character committee abbreviation, e.g. "财" from "（财）". */
  committeeAbbrev?: string;
  /** The row's lead cells (责任单位, 起草单位, 初审专委 …), in column order. */
  leads?: string[];
}

export interface SegSection {
  path: string;
  title: string;
  declaredCount: number | null;
}

export interface SegItem {
  path: string;
  number: string | null;
  /** [start, end) in document-relative offsets; the text is the document text in that range. */
  span: [number, number];
  /** Titles of the sections above, outermost first: context for classification. */
  context: string[];
  /** Months and committee stated by a table row rather than the item text. */
  hints?: TableCellHints;
  /**
   * An entry of a meeting's agenda given inline in a paragraph: its meeting's month when the
   * paragraph dates it ("会议于2024年2月26日召开"), 'today' when it opens today ("将于今日开幕"),
   * null when it does not ("将于近期召开").
   */
  agendaOf?: { month: number | 'today' | null; plan?: true };
}

export interface Segmentation {
  sections: SegSection[];
  items: SegItem[];
}
