/**
 * 来电登记: repair here, complaint in ComplaintIntake.tsx. Repair: the form in the order the dispatcher asks — who is calling (phone, name,
 * unit), what is wrong and where, when they want it — then the RP-2 decision; the answer shows the
 * new number large with the decision sentence and the RP-3 confirmation to read back, as the API
 * words them.
 */
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Opened, openTicket, type RepairIntake } from '../api/client';
import { useParkZone } from '../park';
import { followLink } from '../router';
import { ComplaintIntake } from './ComplaintIntake';
import { fromLocalInput, localInputIn } from '../time';

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

const PARK = 'park-1';

export default function Intake() {
  const zone = useParkZone(PARK);
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string>();
  const [opened, setOpened] = useState<Opened>();
  const [busy, setBusy] = useState(false);
  // The next call starts from an empty form (once the form is mounted again).
  const [kind, setKind] = useState<'repair' | 'complaint'>('repair');
  useEffect(() => {
    if (!opened && kind === 'repair') form.resetFields();
  }, [opened, form, kind]);

  async function submit(v: Values) {
    const body: RepairIntake = {
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
    setError(undefined);
    setOpened(answer.opened);
  }

  if (opened) {
    return (
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          来电登记 · {kind === 'repair' ? '报修' : '投诉'}已受理
        </Typography.Title>
        <Typography.Paragraph>单号</Typography.Paragraph>
        <div data-testid="new-number" style={{ fontSize: 48, fontWeight: 700, letterSpacing: 2 }}>
          {opened.number}
        </div>
        {opened.duplicateOf ? (
          <Alert type="warning" showIcon title="同一来电30分钟内已报过,已并入原单" />
        ) : null}
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          请向来电人复述
        </Typography.Title>
        {Object.entries(opened.script).map(([key, sentence]) => (
          <Typography.Paragraph key={key} style={{ fontSize: 18 }} data-testid={`script-${key}`}>
            {sentence}
          </Typography.Paragraph>
        ))}
        <Space>
          <a href={`/ticket/${encodeURIComponent(opened.id)}`} onClick={followLink}>
            查看工单 {opened.number}
          </a>
          <Button onClick={() => setOpened(undefined)}>登记下一个来电</Button>
        </Space>
      </Card>
    );
  }

  const kindSwitch = (
    <Radio.Group
      aria-label="来电类型"
      optionType="button"
      value={kind}
      onChange={(e) => setKind(e.target.value)}
      options={[
        { value: 'repair', label: '报修' },
        { value: 'complaint', label: '投诉' },
      ]}
      style={{ marginBottom: 16 }}
    />
  );
  if (kind === 'complaint') {
    return (
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          来电登记 · 投诉
        </Typography.Title>
        {kindSwitch}
        <ComplaintIntake zone={zone} onOpened={setOpened} />
      </Card>
    );
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        来电登记 · 报修
      </Typography.Title>
      {kindSwitch}
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
        <Form.Item
          name="description"
          label="维修内容"
          rules={[{ required: true, message: '请填写维修内容' }]}
        >
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
        {error ? (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
