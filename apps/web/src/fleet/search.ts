/** The fleet screen's state in the URL: reference bucket, drift-only, search text. */
export interface FleetSearch {
  reference?: string | undefined;
  drift?: boolean | undefined;
  q?: string | undefined;
}

/**
 * Reads the search params leniently (a bad value is dropped, never an error screen).
 *
 * @example
 * parseFleetSearch({ reference: "photos", drift: "true" }); // { reference: "photos", drift: true }
 */
export function parseFleetSearch(raw: Record<string, unknown>): FleetSearch {
  const out: FleetSearch = {};
  if (typeof raw.reference === "string" && raw.reference !== "") out.reference = raw.reference;
  if (raw.drift === true || raw.drift === "true") out.drift = true;
  if (typeof raw.q === "string" && raw.q !== "") out.q = raw.q.slice(0, 200);
  return out;
}

/**
 * The rows the screen shows: drift-only and a case-insensitive name search.
 *
 * @example
 * filterRows(rows, { drift: true, q: "thumb" });
 */
export function filterRows<R extends { name: string; drift: boolean }>(
  rows: readonly R[],
  search: FleetSearch,
): R[] {
  const q = search.q?.toLowerCase();
  return rows.filter((r) => (!search.drift || r.drift) && (!q || r.name.toLowerCase().includes(q)));
}
