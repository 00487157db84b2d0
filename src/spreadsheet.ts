/** Cells as scoresheet writes them to a sheet (a CSV report, a blank sheet), safe to open in a spreadsheet. */

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`,
 * tab, carriage return or line feed first. `=HYPERLINK(...)` in a unit's name must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
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
