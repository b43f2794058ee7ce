/**
 * Spreadsheets of the desk's records (the ticket register, the monthly summary): CSV as Excel on a
 * Chinese office PC opens it. UTF-8 with a byte-order mark (without it Excel reads GBK and the
 * Chinese is garbled), CRLF line ends, every cell quoted when it must be, and a cell that a
 * spreadsheet would take for a formula (`= + - @`, or a tab or carriage return first) neutralised
 * with a leading apostrophe: a resident's description is data, never a formula (CSV injection).
 */

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised when a spreadsheet would evaluate it, quoted when it holds `,`, `"` or a line end. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // A plain number (a count, a fee, -3) is kept as a number; any other text starting like a formula is not.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, ended with CRLF. */
export function csvRow(cells: readonly (string | number | boolean | undefined | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The `content-disposition` value that downloads as `filename` (RFC 6266, UTF-8 name for Chinese). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
