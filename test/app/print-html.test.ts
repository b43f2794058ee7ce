import { describe, expect, it } from 'vitest';
import { printHtml } from '../../shared/app/print/html';

describe('the printed form frame (DS-9, issue 13 item 6)', () => {
  const page = printHtml({
    title: '报修派工单',
    parkName: '翠湖园',
    number: 'R20261127-003',
    sections: [
      {
        fields: [
          { label: '报修人', value: '王<b>先生</b>' },
          { label: '房号', value: '3-2-1502' },
          { label: '报修内容', value: '厨房水管漏水', wide: true },
        ],
      },
      { heading: '处理经过', table: { headers: ['时间', '事项'], rows: [] } },
    ],
    signatures: ['派工人', '维修人'],
    printedAt: '2026-11-27 15:00',
  });

  it('is an A4 page in Chinese with the park, the title, the number and signature lines', () => {
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('@page{size:A4');
    expect(page).toContain('<div class="park">翠湖园</div><h1>报修派工单</h1>');
    expect(page).toContain('编号：R20261127-003');
    expect(page).toContain('派工人（签字）');
    expect(page).toContain('维修人（签字）');
    expect(page).toContain('打印时间：2026-11-27 15:00');
  });

  it('escapes every value and prints an empty table as 无', () => {
    expect(page).toContain('王&lt;b&gt;先生&lt;/b&gt;');
    expect(page).not.toContain('<b>先生');
    expect(page).toContain('（无）');
    expect(page).not.toContain('<script');
  });
});
