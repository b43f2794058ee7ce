/**
 * What the 报表 pages share: their sub-menu, the period pickers (week, month, day, each as the API
 * spells it: `2026-W48`, `2026-11`, `2026-11-27`, on the park's calendar), the answers' shapes (the
 * OpenAPI document leaves these answers open, so they are read as the handlers write them).
 */
import { useCallback, useRef } from 'react';
import { Button, Input, Space } from 'antd';
import { followLink } from '../../router';
import { currentSession } from '../../session';

export const RECORD_PAGES = [
  {
    path: '/records/weekly',
    label: '周例会',
    about: '本周未处理完的投诉、调度员登记、管理处负责人决定与每周检查签字',
  },
  {
    path: '/records/monthly',
    label: '月度总结',
    about: '本月受理数量、及时率(按部门、按时限类型)、超时清单、月度报告与签字',
  },
  { path: '/records/work-log', label: '工作日志', about: '某一天服务台的全部记录与短信,可打印' },
] as const;

/** The 报表 sub-menu: plain links, each reachable with Tab and opened with Enter. */
export function RecordsNav({ current }: { current?: string }) {
  return (
    <nav aria-label="报表">
      <Space wrap>
        {RECORD_PAGES.map((p) => (
          <a
            key={p.path}
            href={p.path}
            onClick={followLink}
            aria-current={current === p.path ? 'page' : undefined}
            style={{ fontWeight: current === p.path ? 600 : undefined }}
          >
            {p.label}
          </a>
        ))}
      </Space>
    </nav>
  );
}

/** The signed-in person's groups (the API decides; the console only hides forms it would refuse). */
export function hasGroup(...groups: string[]): boolean {
  const mine = currentSession()?.groups ?? [];
  return groups.some((g) => mine.includes(g));
}

/** `yyyy-mm-dd` of an instant on the park's calendar. */
export function parkDay(timeZone: string, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const dayText = (d: Date) => d.toISOString().slice(0, 10);

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return dayText(new Date(utcDay(day).getTime() + n * 86_400_000));
}

/** The ISO week (`2026-W48`) a day falls in: weeks start on Monday, as DS-7's review does. */
export function isoWeekOf(day: string): string {
  const d = utcDay(day);
  const weekday = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week. */
export function mondayOfWeek(week: string): string | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Weekday = new Date(jan4).getUTCDay() || 7;
  return dayText(new Date(jan4 + ((Number(m[2]) - 1) * 7 + 1 - jan4Weekday) * 86_400_000));
}

export function addWeeks(week: string, n: number): string {
  const monday = mondayOfWeek(week);
  return monday ? isoWeekOf(addDays(monday, 7 * n)) : week;
}

export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * A period picker: the browser's own week/month/date input (its value is the API's spelling),
 * with 上一/下一 buttons beside it. Where a browser lacks the input it is a text box, the format
 * shown as its placeholder.
 */
export function PeriodPicker(props: {
  type: 'week' | 'month' | 'date';
  label: string;
  value: string;
  onChange: (value: string) => void;
  step: (value: string, n: number) => string;
  unit: string;
  placeholder: string;
}) {
  return (
    <Space wrap>
      <Button onClick={() => props.onChange(props.step(props.value, -1))}>上一{props.unit}</Button>
      <Input
        type={props.type}
        aria-label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => {
          if (e.target.value) props.onChange(e.target.value);
        }}
        style={{ width: 200 }}
      />
      <Button onClick={() => props.onChange(props.step(props.value, 1))}>下一{props.unit}</Button>
    </Space>
  );
}

/**
 * The period the page shows now, read after an await: an answer for a period no longer shown (the
 * default week's, arriving after the one the user picked) is dropped, never drawn over it.
 */
export function useShown<T>(value: T): () => T {
  const shown = useRef(value);
  shown.current = value;
  return useCallback(() => shown.current, []);
}

/** An entry's author and time, as the records show it. */
export function byLine(by: { name?: string; staffId?: string } | undefined): string {
  return by?.name ?? by?.staffId ?? '';
}

export const SEVERITY: Record<string, string> = { major: '重大', important: '重要', minor: '轻微' };

export interface Entry {
  id: string;
  type?: 'item' | 'decision' | 'check';
  kind?: 'report' | 'sign' | 'corrective';
  ticketId?: string;
  ticketNumber?: string;
  text: string;
  at: string;
  by: { staffId?: string; name?: string };
}
