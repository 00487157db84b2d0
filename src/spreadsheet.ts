/** Cells as scoresheet writes them to a sheet (a CSV report, a blank sheet), safe to open in a spreadsheet. */

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`,
 * tab, carriage return or line feed first; and a NUL first, which some readers drop before looking at
 * what follows it. `=HYPERLINK(...)` in a unit's name must stay text.
 */
const FORMULA_START = /^[\0=+\-@\t\r\n]/;
/** A number as scoresheet writes one (-2, 0.5, -1e+21): a number cell, harmless, left a number. */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

/**
 * A cell as written to a sheet: one that would start a formula gets OWASP's leading `'`, so it shows as the text it is.
 *
 * @example
 * ```ts
 * import { spreadsheetCell } from 'scoresheet/report';
 *
 * console.log(spreadsheetCell('=HYPERLINK("http://x")'), spreadsheetCell('-2')); // '=HYPERLINK("http://x") -2
 * ```
 */
export function spreadsheetCell(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** A cell's name as a spreadsheet shows it: row 12, column 3 → `C12`. */
export function cellName(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Whether a diagnostic's file is a workbook's sheet (`records.xlsx!Sheet1`): its line and column are a cell. */
export function isSheetOfWorkbook(file: string): boolean {
  return /\.xlsx!/i.test(file);
}
