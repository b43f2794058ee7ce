/**
 * 来电登记 (complaint): in the order of the call — who is calling, when and where it happened,
 * what happened and what they ask for (and by when), whether harm is still going on — then the
 * desk's grading (CH-1 severity, CH-2 validity, CH-3 whom it is about). The answer's script (CH-2:
 * comfort first, the confirmation, what happens next) is shown for reading back.
 */
import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { type Opened, openTicket } from '../../api/client';
import type { components } from '../../api/schema';
import { DEPARTMENT } from '../../labels';
import { fromLocalInput, localInputIn } from '../../time';
import { CallerLookup } from './CallerLookup';

type ComplaintBody = Extract<components['schemas']['postTicketsBody'], { kind: 'complaint' }>;
type Department = Extract<NonNullable<ComplaintBody['about']>, { department: unknown }>['department'];

interface Values {
  phone: string;
  name: string;
  unit?: string;
  occurredAt: string;
  place: string;
  description: string;
  demand?: string;
  residentDeadline?: string;
  ongoingHarm?: boolean;
  grade: 'later' | 'major' | 'important' | 'minor' | 'invalid';
  department?: Department;
}

export function ComplaintIntake({ zone, onOpened }: { zone: string; onOpened: (o: Opened) => void }) {
  const [form] = Form.useForm<Values>();
  const [phone, unit] = [Form.useWatch('phone', form), Form.useWatch('unit', form)];
  const grade = Form.useWatch('grade', form);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
    const graded =
      v.grade === 'later'
        ? {}
        : v.grade === 'invalid'
          ? { valid: false }
          : {
              valid: true,
              severity: v.grade,
              ...(v.department ? { about: { department: v.department } } : {}),
            };
    const body: ComplaintBody = {
      kind: 'complaint',
      caller: { name: v.name.trim(), phone: v.phone.trim(), ...(text(v.unit) ? { unit: text(v.unit) } : {}) },
      occurredAt: fromLocalInput(v.occurredAt, zone),
      place: v.place.trim(),
      description: v.description.trim(),
      ...(text(v.demand) ? { demand: text(v.demand) } : {}),
      ...(v.residentDeadline ? { residentDeadline: fromLocalInput(v.residentDeadline, zone) } : {}),
      ...(v.ongoingHarm ? { ongoingHarm: true } : {}),
      ...graded,
    };
    setBusy(true);
    const answer = await openTicket(body);
    setBusy(false);
    if ('error' in answer) return setError(answer.error);
    onOpened(answer.opened);
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ grade: 'later', occurredAt: localInputIn(zone, 0) }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="phone" label="来电号码" rules={[{ required: true, message: '请填写来电号码' }]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="name" label="来电人" rules={[{ required: true, message: '请填写来电人' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="unit" label="房号(如 3-2-1502)">
        <Input />
      </Form.Item>
      <CallerLookup phone={phone} unit={unit} onFill={(c) => form.setFieldsValue(c)} />
      <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请填写时间' }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="place" label="发生地点" rules={[{ required: true, message: '请填写地点' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="demand" label="业户的要求">
        <Input />
      </Form.Item>
      <Form.Item name="residentDeadline" label="业户要求的期限">
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="ongoingHarm" valuePropName="checked">
        <Checkbox>损害仍在继续</Checkbox>
      </Form.Item>
      <Form.Item name="grade" label="定级(CH-1、CH-2)">
        <Radio.Group
          options={[
            { value: 'later', label: '稍后定级' },
            { value: 'major', label: '重大' },
            { value: 'important', label: '重要' },
            { value: 'minor', label: '一般' },
            { value: 'invalid', label: '无效投诉' },
          ]}
        />
      </Form.Item>
      {grade && grade !== 'later' && grade !== 'invalid' ? (
        <Form.Item
          name="department"
          label="涉及部门(CH-3)"
          rules={[{ required: true, message: '请选择部门' }]}
        >
          <Select
            aria-label="涉及部门"
            options={Object.entries(DEPARTMENT).map(([value, label]) => ({
              value: value as Department,
              label,
            }))}
          />
        </Form.Item>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        登记投诉
      </Button>
    </Form>
  );
}
