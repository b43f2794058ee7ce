import { describe, expect, it } from 'vitest';
import { attachment, CSV_BOM, csvCell, csvRow } from '../../shared/app/csv';

describe('CSV for Excel (issue 13 item 2)', () => {
  it('neutralises what a spreadsheet would evaluate (CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    // A number stays a number; text that merely contains a sign is left alone.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('3-2-1502')).toBe('3-2-1502');
  });

  it('quotes commas, quotes and line ends, and ends rows with CRLF', () => {
    expect(csvRow(['厨房,水管', '他说"漏水"', 'a\nb', undefined, 12])).toBe(
      '"厨房,水管","他说""漏水""","a\nb",,12\r\n',
    );
  });

  it('starts with the byte-order mark Excel needs for UTF-8', () => {
    expect(CSV_BOM.codePointAt(0)).toBe(0xfeff);
  });

  it('names a Chinese download file for every browser', () => {
    expect(attachment('工单-2026-11.csv')).toBe(
      `attachment; filename="__-2026-11.csv"; filename*=UTF-8''%E5%B7%A5%E5%8D%95-2026-11.csv`,
    );
  });
});
