/** A table as read from a CSV file or a worksheet, before any meaning is given to it. */
export interface RawTable {
  /** File name for messages, e.g. "teachers.csv" or "scenario.xlsx#teachers". */
  readonly file: string;
  /** Header cells as written. */
  readonly headers: readonly string[];
  /** Data rows as text cells. */
  readonly rows: readonly (readonly string[])[];
  /** Spreadsheet line of each data row (header = 1). */
  readonly lines: readonly number[];
}
