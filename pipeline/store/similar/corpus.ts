/**
 * The items similarity is computed over: every item of a canonical document (a plan ingested from
 * two files is compared once), with what decides whether two items may be paired at all — items
 * of the same jurisdiction are never "similar items" of each other, the point is comparison.
 */
export interface CorpusItem {
  id: string;
  text: string;
  kind: string;
  /** Items with the same group are never paired: the division code, else the name, else the source. */
  group: string;
}

export interface Reader {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

const SELECT = `
SELECT v.item_id AS id, v.text, v.kind,
       coalesce(v.jurisdiction_code, v.jurisdiction, 'source:' || v.source_id) AS grp
FROM v_items v`;

export async function loadCorpus(db: Reader, includeItem?: string): Promise<CorpusItem[]> {
  const rows = await db.all<{ id: string; text: string; kind: string; grp: string }>(
    `${SELECT} WHERE v.copy_of IS NULL OR v.item_id = ? ORDER BY v.item_id`,
    [includeItem ?? null],
  );
  return rows.map((r) => ({ id: r.id, text: r.text, kind: r.kind, group: r.grp }));
}
