/**
 * 来电登记 (repair): the form in the order the dispatcher asks — who is calling (phone, name, unit),
 * what is wrong and where, when they want it — then the RP-2 decision; the answer shows the RP-2
 * decision sentence and the RP-3 confirmation to read back, as the API words them.
 */
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { type Opened, openTicket, type RepairIntake as RepairBody } from '../../api/client';
import { fromLocalInput, localInputIn } from '../../time';
import { CallerLookup } from './CallerLookup';

interface Values {
  phone: string;
  name: string;
  unit?: string;
  description: string;
  location: string;
  wantedAt: string;
  decision: 'dispatch' | 'appointment' | 'decline';
  appointmentAt?: string;
  declineReason?: string;
  fee?: number;
  consent?: boolean;
}

export function RepairIntake({ zone, onOpened }: { zone: string; onOpened: (o: Opened) => void }) {
  const [form] = Form.useForm<Values>();
  const [phone, unit] = [Form.useWatch('phone', form), Form.useWatch('unit', form)];
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    const body: RepairBody = {
      kind: 'repair',
      caller: {
        name: v.name.trim(),
        phone: v.phone.trim(),
        ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}),
      },
      description: v.description.trim(),
      location: v.location.trim(),
      wantedAt: fromLocalInput(v.wantedAt, zone),
      decision: v.decision,
      ...(v.decision === 'appointment' && v.appointmentAt
        ? { appointmentAt: fromLocalInput(v.appointmentAt, zone) }
        : {}),
      ...(v.decision === 'decline' && v.declineReason ? { declineReason: v.declineReason.trim() } : {}),
      ...(v.fee ? { paidService: { fee: v.fee, consent: Boolean(v.consent) } } : {}),
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
      initialValues={{ decision: 'dispatch', wantedAt: localInputIn(zone, 60) }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="phone" label="来电号码" rules={[{ required: true, message: '请填写来电号码' }]}>
        <Input inputMode="tel" autoFocus />
      </Form.Item>
      <Form.Item name="name" label="来电人" rules={[{ required: true, message: '请填写来电人' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="unit" label="房号(如 3-2-1502)">
        <Input />
      </Form.Item>
      <CallerLookup phone={phone} unit={unit} onFill={(c) => form.setFieldsValue(c)} />
      <Form.Item name="description" label="维修内容" rules={[{ required: true, message: '请填写维修内容' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="location" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="wantedAt" label="希望上门时间" rules={[{ required: true, message: '请填写时间' }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="decision" label="处理方式(RP-2)">
        <Radio.Group
          options={[
            { value: 'dispatch', label: '马上派工' },
            { value: 'appointment', label: '预约' },
            { value: 'decline', label: '不予维修' },
          ]}
        />
      </Form.Item>
      {decision === 'appointment' ? (
        <Form.Item
          name="appointmentAt"
          label="预约时间"
          rules={[{ required: true, message: '请填写预约时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
      ) : null}
      {decision === 'decline' ? (
        <Form.Item name="declineReason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
          <Input />
        </Form.Item>
      ) : null}
      <Form.Item name="fee" label="有偿服务费(元,无则不填)">
        <InputNumber min={0} max={100000} />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked">
        <Checkbox>业户同意有偿服务(RP-4)</Checkbox>
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        登记
      </Button>
    </Form>
  );
}
