/** Rows → CSV text with csv-stringify. */
import { stringify } from 'csv-stringify/sync';

/** Writes a table as CSV text with a BOM, so Excel opens it with Chinese intact. */
export function formatCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([headers, ...rows], { bom: true, record_delimiter: 'windows' });
}
