/** A worksheet cell holding a formula without a computed value: read as blank, reported by readTable. */
export interface UncomputedCell {
  /** Spreadsheet line. */
  readonly line: number;
  /** 0-based column index. */
  readonly column: number;
  /** The formula as written, e.g. "=B2*12". */
  readonly formula: string;
}

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
  /** Spreadsheet line of the header row, when it is not line 1 (a worksheet may start lower down). */
  readonly headerLine?: number;
  /** Formula cells without a computed value (workbooks only). */
  readonly uncomputed?: readonly UncomputedCell[];
}
