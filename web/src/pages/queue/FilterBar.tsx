/**
 * The queue's filter bar: every filter GET /tickets has (ADR 020), compact. Choices apply at once;
 * typed ones (房号, 电话, 单号) on Enter or 查询 (a request per key would be a request per key).
 * 电话 only for those the API lets look tickets up by phone (CH-3).
 */
import { Button, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { TicketKind, TicketStatus } from '../../api/client';
import { DEPARTMENT, KIND, STATUS } from '../../labels';
import { loadStaff, type StaffEntry } from '../../staff';
import type { QueueFilters, TEXT_FILTERS } from './filters';

const SEVERITY = { major: '重大', important: '重要', minor: '一般' } as const;

type Text = Pick<QueueFilters, (typeof TEXT_FILTERS)[number]>;

export function FilterBar(props: {
  filters: QueueFilters;
  onChange(next: QueueFilters): void;
  phoneAllowed: boolean;
}) {
  const { filters, onChange, phoneAllowed } = props;
  const [staff, setStaff] = useState<StaffEntry[]>([]);
  const [text, setText] = useState<Text>({});
  useEffect(() => {
    void loadStaff().then(setStaff);
  }, []);
  // The typed fields follow the filters applied (a reset, a reload of a shared link).
  useEffect(() => {
    setText({ unit: filters.unit, phone: filters.phone, number: filters.number });
  }, [filters.unit, filters.phone, filters.number]);

  const set = (patch: Partial<QueueFilters>) => onChange(dropEmpty({ ...filters, ...patch }));
  const applyText = () => set({ ...text });
  const textInput = (key: keyof Text, label: string, width: number) => (
    <Input
      aria-label={label}
      placeholder={label}
      allowClear
      style={{ width }}
      value={text[key] ?? ''}
      onChange={(e) => {
        setText({ ...text, [key]: e.target.value });
        // The clear icon empties the field: that is a choice, applied at once.
        if (e.type === 'click') set({ [key]: undefined });
      }}
      onPressEnter={applyText}
    />
  );

  return (
    <Space wrap size={[8, 8]} role="search" aria-label="筛选工单">
      <Space size={4}>
        <Switch aria-label="我的工单" checked={Boolean(filters.mine)} onChange={(mine) => set({ mine })} />
        <span aria-hidden="true">我的工单</span>
      </Space>
      <Select<TicketKind>
        aria-label="类型"
        placeholder="全部类型"
        allowClear
        style={{ width: 110 }}
        value={filters.kind}
        onChange={(kind) => set({ kind })}
        options={Object.entries(KIND).map(([value, label]) => ({ value: value as TicketKind, label }))}
      />
      <Select<TicketStatus>
        aria-label="状态"
        placeholder="全部状态"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 120 }}
        value={filters.status}
        onChange={(status) => set({ status })}
        options={Object.entries(STATUS).map(([value, label]) => ({ value: value as TicketStatus, label }))}
      />
      <Space size={4}>
        <Switch
          aria-label="只看超时"
          checked={Boolean(filters.overdue)}
          onChange={(overdue) => set({ overdue })}
        />
        <span aria-hidden="true">只看超时</span>
      </Space>
      {/* Park-local days (the API reads a date as that whole day in the park's zone; 至 inclusive). */}
      <Space size={4}>
        <Input
          type="date"
          aria-label="登记日期从"
          style={{ width: 150 }}
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.target.value })}
        />
        <span aria-hidden="true">至</span>
        <Input
          type="date"
          aria-label="登记日期至"
          style={{ width: 150 }}
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.target.value })}
        />
      </Space>
      <Select
        aria-label="部门"
        placeholder="部门(投诉)"
        allowClear
        style={{ width: 130 }}
        value={filters.department}
        onChange={(department) => set({ department })}
        options={Object.entries(DEPARTMENT).map(([value, label]) => ({
          value: value as NonNullable<QueueFilters['department']>,
          label,
        }))}
      />
      <Select
        aria-label="严重程度"
        placeholder="严重程度(投诉)"
        allowClear
        style={{ width: 140 }}
        value={filters.severity}
        onChange={(severity) => set({ severity })}
        options={Object.entries(SEVERITY).map(([value, label]) => ({
          value: value as NonNullable<QueueFilters['severity']>,
          label,
        }))}
      />
      <Select<string>
        aria-label="负责人"
        placeholder={filters.mine ? '我' : '负责人(报修)'}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={Boolean(filters.mine)}
        style={{ width: 130 }}
        value={filters.mine ? undefined : filters.assigneeId}
        onChange={(assigneeId) => set({ assigneeId })}
        options={staff.map((s) => ({ value: s.id, label: s.name }))}
      />
      {textInput('unit', '房号', 120)}
      {phoneAllowed ? textInput('phone', '来电号码', 150) : null}
      {textInput('number', '单号', 150)}
      <Button type="primary" onClick={applyText}>
        查询
      </Button>
      <Button onClick={() => onChange(filters.mine ? { mine: true } : {})}>清空筛选</Button>
    </Space>
  );
}

function dropEmpty(filters: QueueFilters): QueueFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== false),
  ) as QueueFilters;
}
