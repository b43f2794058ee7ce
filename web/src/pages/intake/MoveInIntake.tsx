/**
 * 来电登记 (move-in): the unit, then its owner's name and number, as the owner gives them at the
 * counter or on the phone. One open case per unit (the API refuses a second); a unit the park's
 * directory lacks is kept only when the desk confirms it. The answer lists MI-1..MI-8 in the
 * original's order: the steps the case records next.
 */
import { Alert, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { type IntakeBody, type Opened, openTicket } from '../../api/client';
import { CallerLookup } from './CallerLookup';
import type { IntakeFormProps } from './kinds';

type MoveInBody = Extract<IntakeBody, { kind: 'move-in' }>;

/** MI-1..MI-8, the checklist in the original's order (MI-7 only when the owner leaves a key). */
const STEPS = [
  'MI-1 开发商确认:入伙通知书、身份证、预售契约、购房发票,领取入住确认单',
  'MI-2 物业登记:复印身份证和补充协议,填写住户情况登记表、接收物品确认书、验房单,签署公约承诺书、消防责任书、供暖协议',
  'MI-3 领取资料和物品:公约、住户手册、质量保证书、使用说明书,电卡、气卡、门禁卡、门钥匙、信箱钥匙',
  'MI-4 财务缴费:首期物业管理费、有线电视费',
  'MI-5 领取房屋钥匙:钥匙领用条,保安部交钥匙,业主签收',
  'MI-6 验房:与业主共同验房,双方签字,验房单一式三份',
  'MI-7 钥匙留存(业主需要时):钥匙留存协议和留存单',
  'MI-8 抄水表:冷热水表底数业主确认书',
];

interface Values {
  unit: string;
  name: string;
  phone: string;
  unitConfirmed?: boolean;
}

export function MoveInIntake({ onOpened }: IntakeFormProps) {
  const [form] = Form.useForm<Values>();
  const phone = Form.useWatch('phone', form);
  const unit = Form.useWatch('unit', form);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Offered once the API says the directory lacks the unit (it names the nearest ones).
  const notInDirectory = error?.includes('UNIT.NOT_IN_DIRECTORY') ?? false;

  async function submit(v: Values) {
    const body: MoveInBody = {
      kind: 'move-in',
      unit: v.unit.trim(),
      owner: { name: v.name.trim(), phone: v.phone.trim() },
      ...(v.unitConfirmed ? { unitConfirmed: true } : {}),
    };
    setBusy(true);
    const answer = await openTicket(body);
    setBusy(false);
    if ('error' in answer) return setError(answer.error);
    onOpened(answer.opened);
  }

  return (
    <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void submit(v)}>
      <Form.Item name="unit" label="房号(如 3-2-1502)" rules={[{ required: true, message: '请填写房号' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label="业主姓名" rules={[{ required: true, message: '请填写业主姓名' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="业主电话" rules={[{ required: true, message: '请填写业主电话' }]}>
        <Input inputMode="tel" />
      </Form.Item>
      <CallerLookup phone={phone} unit={unit} onFill={(c) => form.setFieldsValue(c)} />
      {notInDirectory ? (
        <Form.Item name="unitConfirmed" valuePropName="checked">
          <Checkbox>已核实房号,名册中没有也登记</Checkbox>
        </Form.Item>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        登记入住
      </Button>
    </Form>
  );
}

/** The checklist the case records next (MI-1..MI-8) and the forms of MI-9 it carries. */
export function MoveInAnswer({ opened }: { opened: Opened }) {
  const ticket = opened.reply.ticket as { unit?: string; forms?: unknown[] } | undefined;
  return (
    <section aria-label="入住步骤">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {ticket?.unit ? `${ticket.unit} ` : ''}入住步骤
      </Typography.Title>
      <ol data-testid="move-in-steps">
        {STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {ticket?.forms?.length ? (
        <Typography.Paragraph>
          表格和资料共 {ticket.forms.length} 份(MI-9),在工单中逐项登记。
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}
