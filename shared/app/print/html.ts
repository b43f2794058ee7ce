/**
 * Printed forms and records (DS-9, CH-11: 《报修派工单》, 《投诉处置记录表》, the work log, the monthly
 * summary …) as one A4 HTML frame: the park's name, the form's title and number at the top, the
 * body, signature lines at the foot, a print style sheet. No script and no external resources;
 * every value is escaped here or by the caller through `escapeHtml`.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A label and its value, as a form's boxes print them. */
export interface PrintField {
  label: string;
  value: string;
  /** Spans the whole row (a description, a note). */
  wide?: boolean;
}

export interface PrintSection {
  heading?: string;
  /** Boxes of label and value, two to a row unless `wide`. */
  fields?: PrintField[];
  /** A table: its headers and rows of plain text. */
  table?: { headers: string[]; rows: string[][]; empty?: string };
  /** Paragraphs of plain text. */
  paragraphs?: string[];
}

export interface PrintDocument {
  /** The form's name, e.g. 报修派工单. */
  title: string;
  /** The park's name (翠湖园), printed above the title. */
  parkName: string;
  /** The register number (R20261127-003) or the period (2026年11月), at the top right. */
  number?: string;
  sections: PrintSection[];
  /** Who signs, e.g. ['派工人', '维修人', '住户确认']: a line with a date for each. */
  signatures?: string[];
  /** When it was printed, as the park reads it (e.g. 2026-11-27 15:00). */
  printedAt: string;
}

const STYLE =
  '@page{size:A4;margin:15mm}' +
  'body{font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;font-size:11pt;color:#000;max-width:180mm;margin:0 auto}' +
  'header{text-align:center;margin-bottom:6mm}header .park{font-size:12pt}' +
  'h1{font-size:18pt;margin:2mm 0;letter-spacing:.2em}header .number{text-align:right;font-size:10pt}' +
  'h2{font-size:12pt;margin:5mm 0 2mm}' +
  'table{width:100%;border-collapse:collapse;page-break-inside:auto}tr{page-break-inside:avoid}' +
  'th,td{border:1px solid #000;padding:1.5mm 2mm;text-align:left;vertical-align:top}' +
  'th{background:#eee;font-weight:bold;white-space:nowrap}' +
  'table.fields th{width:18%}table.fields td{width:32%}' +
  '.signatures{display:flex;flex-wrap:wrap;gap:4mm 10mm;margin-top:10mm}' +
  '.signatures div{flex:1 1 45%;border-bottom:1px solid #000;padding-top:8mm;min-width:60mm}' +
  'footer{margin-top:6mm;font-size:9pt;color:#444;text-align:right}' +
  '@media screen{body{margin:1rem auto;padding:0 1rem}}' +
  '@media print{header,footer{break-inside:avoid}}';

function fieldsTable(fields: readonly PrintField[]): string {
  const rows: string[] = [];
  let pending: PrintField | undefined;
  const cell = (f: PrintField, span = 1) =>
    `<th>${escapeHtml(f.label)}</th><td${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(f.value)}</td>`;
  for (const f of fields) {
    if (f.wide) {
      if (pending) rows.push(`<tr>${cell(pending, 3)}</tr>`);
      pending = undefined;
      rows.push(`<tr>${cell(f, 3)}</tr>`);
    } else if (pending) {
      rows.push(`<tr>${cell(pending)}${cell(f)}</tr>`);
      pending = undefined;
    } else pending = f;
  }
  if (pending) rows.push(`<tr>${cell(pending, 3)}</tr>`);
  return `<table class="fields">${rows.join('')}</table>`;
}

function dataTable(table: NonNullable<PrintSection['table']>): string {
  const head = `<tr>${table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = table.rows.length
    ? table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${table.headers.length}">${escapeHtml(table.empty ?? '（无）')}</td></tr>`;
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function section(s: PrintSection): string {
  return (
    (s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : '') +
    (s.fields ? fieldsTable(s.fields) : '') +
    (s.table ? dataTable(s.table) : '') +
    (s.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('')
  );
}

/** The whole printable page. */
export function printHtml(doc: PrintDocument): string {
  const signatures = doc.signatures?.length
    ? `<div class="signatures">${doc.signatures
        .map((s) => `<div>${escapeHtml(s)}（签字）：&emsp;&emsp;&emsp;&emsp;&emsp;&emsp;日期：</div>`)
        .join('')}</div>`
    : '';
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(`${doc.title}${doc.number ? ` ${doc.number}` : ''}`)}</title><style>${STYLE}</style></head><body>` +
    `<header><div class="park">${escapeHtml(doc.parkName)}</div><h1>${escapeHtml(doc.title)}</h1>` +
    (doc.number ? `<div class="number">编号：${escapeHtml(doc.number)}</div>` : '') +
    '</header><main>' +
    doc.sections.map(section).join('') +
    `</main>${signatures}<footer>打印时间：${escapeHtml(doc.printedAt)}</footer></body></html>`
  );
}
