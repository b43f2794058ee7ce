/**
 * 来电登记 (emergency): in the order of such a call — what kind of event it is (EM-1's four), what
 * is happening, where — then who is calling, when someone is (a patrol's own report has no
 * caller). The answer (EM-2, EM-3) names who was texted at once: the chain's first level (the
 * office manager by default) and the responders who must go to the scene; the desk owns the case
 * (EM-4) and reads the caller the API's sentence.
 */
import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { type IntakeBody, type Opened, openTicket } from '../../api/client';
import { CallerLookup } from './CallerLookup';
import type { IntakeFormProps } from './kinds';

type EmergencyBody = Extract<IntakeBody, { kind: 'emergency' }>;
type Category = EmergencyBody['category'];

/** EM-1's categories in the original's words. */
const CATEGORY: Record<Category, string> = {
  'public-safety': '公共安全事件',
  fire: '火警',
  accident: '人身交通事故',
  official: '政府、执法或公司领导交办',
};

/** The roles EM-2 and EM-3 text, as the original names them. */
const ROLE: Record<string, string> = {
  'office-manager': '管理处经理',
  'deputy-gm': '分管副总',
  gm: '总经理',
  'security-manager': '保安部经理',
  'engineering-manager': '工程部经理',
  'security-captain': '保安队长',
  'elevator-lead': '电梯班长',
  'repair-lead': '维修班长',
  'security-shift-lead': '保安领班',
  supervisor: '主管',
  dispatcher: '调度员',
  'duty-officer': '值班人员',
};
const roleLabel = (role: unknown) => ROLE[String(role)] ?? String(role ?? '');

interface Values {
  category: Category;
  description: string;
  location: string;
  phone?: string;
  name?: string;
  unit?: string;
}

export function EmergencyIntake({ onOpened }: IntakeFormProps) {
  const [form] = Form.useForm<Values>();
  const phone = Form.useWatch('phone', form);
  const unit = Form.useWatch('unit', form);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
    const [callerPhone, callerName, callerUnit] = [text(v.phone), text(v.name), text(v.unit)];
    const body: EmergencyBody = {
      kind: 'emergency',
      category: v.category,
      description: v.description.trim(),
      location: v.location.trim(),
      ...(callerPhone && callerName
        ? { caller: { name: callerName, phone: callerPhone, ...(callerUnit ? { unit: callerUnit } : {}) } }
        : {}),
    };
    setBusy(true);
    const answer = await openTicket(body);
    setBusy(false);
    if ('error' in answer) return setError(answer.error);
    onOpened(answer.opened);
  }

  // A caller is both a number and a name (the API takes them together), or neither.
  const together = (other: keyof Values, message: string) => ({
    validator: async (_: unknown, value?: string) => {
      if (!value?.trim() && form.getFieldValue(other)?.trim()) throw new Error(message);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void submit(v)}>
      <Form.Item name="category" label="紧急类别(EM-1)" rules={[{ required: true, message: '请选择类别' }]}>
        <Radio.Group
          options={Object.entries(CATEGORY).map(([value, label]) => ({ value: value as Category, label }))}
        />
      </Form.Item>
      <Form.Item name="description" label="发生了什么" rules={[{ required: true, message: '请填写情况' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="location" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
        <Input />
      </Form.Item>
      <Typography.Paragraph type="secondary">来电人(巡逻发现可不填)</Typography.Paragraph>
      <Form.Item
        name="phone"
        label="来电号码"
        dependencies={['name']}
        rules={[together('name', '有来电人姓名时请填写来电号码')]}
      >
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="name"
        label="来电人"
        dependencies={['phone']}
        rules={[together('phone', '有来电号码时请填写来电人')]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="unit" label="房号(如 3-2-1502)">
        <Input />
      </Form.Item>
      <CallerLookup phone={phone} unit={unit} onFill={(c) => form.setFieldsValue(c)} />
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        紧急上报
      </Button>
    </Form>
  );
}

interface Notified {
  chain?: { staffId: string; name: string; unreachable?: boolean }[];
  responders?: { staffId: string; name: string; role: string }[];
}

/** EM-2/EM-3/EM-4 as the API answered: who was texted, and who owns the case at the desk. */
export function EmergencyAnswer({ opened }: { opened: Opened }) {
  const notified = (opened.reply.notified ?? {}) as Notified;
  const owner = opened.reply.owner as { name?: string } | undefined;
  const ticket = opened.reply.ticket as { chain?: { step?: { role?: string } } } | undefined;
  const chainRole = roleLabel(ticket?.chain?.step?.role);
  const chain = notified.chain ?? [];
  const responders = notified.responders ?? [];
  return (
    <section aria-label="已通知">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        已短信通知
      </Typography.Title>
      <Typography.Paragraph data-testid="notified-chain">
        {chain.length > 0
          ? `${chainRole}(EM-2,须确认):${chain
              .map((p) => `${p.name}${p.unreachable ? '(短信未送达,请电话联系)' : ''}`)
              .join('、')}`
          : '名册中没有可通知的负责人:请立即电话联系管理处经理、分管副总或总经理(EM-2)'}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="notified-responders">
        {responders.length > 0
          ? `赶赴现场(EM-3):${responders.map((r) => `${roleLabel(r.role)} ${r.name}`).join('、')}`
          : '名册中没有须赶赴现场的人员(EM-3)'}
      </Typography.Paragraph>
      {owner?.name ? (
        <Typography.Paragraph>
          本案由 {owner.name} 跟进(EM-4):事态平息或有人接手之前请勿离岗。
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}
