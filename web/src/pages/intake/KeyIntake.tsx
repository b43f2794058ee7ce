/**
 * 来电登记 (key request): in the order the property office asks (KY-2) — who is asking (owner,
 * tenant, agent, other, or staff), their name and number, which unit (or, for staff, which area),
 * which key set of the register (KY-1), and why. The answer says the check KY-2 needs for that
 * requester before a slip may be issued (KY-3) and the key leaves (KY-4).
 */
import { Alert, Button, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type IntakeBody, type Opened, openTicket } from '../../api/client';
import { loadStaff, type StaffEntry } from '../../staff';
import { CallerLookup } from './CallerLookup';
import type { IntakeFormProps } from './kinds';

type KeyBody = Extract<IntakeBody, { kind: 'key' }>;
type RequesterType = KeyBody['requester']['type'];

/** KY-2's requesters in the original's words. */
const REQUESTER: Record<RequesterType, string> = {
  owner: '业主',
  tenant: '租户',
  agent: '中介',
  other: '其他人员',
  staff: '内部员工',
};

/** KY-2: the check each requester needs, said as the next step (then KY-3's slip, KY-4's escort). */
const NEXT_STEP: Record<RequesterType, string> = {
  owner: '请业主出示有效证件,核对为本单元业主并确认事由(KY-2),核实后开具钥匙领用条(KY-3)。',
  tenant: '请致电业主,确认租户身份和事由(KY-2),核实后开具钥匙领用条(KY-3)。',
  agent: '请致电业主,确认中介身份以及业主同意看房(KY-2),核实后开具钥匙领用条(KY-3)。',
  other: '请致电业主,确认来人身份和事由(KY-2),核实后开具钥匙领用条(KY-3)。',
  staff: '请向该员工的部门负责人确认事由(KY-2),核实后开具钥匙领用条(KY-3)。',
};

const KEY_STATE: Record<string, string> = { in: '在柜', out: '借出', lost: '遗失', released: '已交业主' };

interface KeySet {
  id: string;
  tag: string;
  label: string;
  count: number;
  state: string;
  unit?: string;
  area?: string;
}

interface Values {
  type: RequesterType;
  name: string;
  phone: string;
  staffId?: string;
  place: string;
  keyId: string;
  reason: string;
}

/** A unit or an area as the register writes it (no `#`): anything else is not asked for. */
const placeOf = (typed?: string) => {
  const place = typed?.trim();
  return place && place.length <= 30 && !place.includes('#') ? place : undefined;
};

/** The register's sets of a unit (and, for staff, of an area of that name), read as the place is typed. */
function useKeySets(place: string | undefined, withAreas: boolean): KeySet[] | undefined {
  const [sets, setSets] = useState<KeySet[]>();
  useEffect(() => {
    if (!place) return setSets(undefined);
    let current = true;
    const timer = window.setTimeout(async () => {
      const filters = withAreas ? [{ unit: place }, { area: place }] : [{ unit: place }];
      const pages = await Promise.all(
        filters.map((f) => api.GET('/keys', { params: { query: { ...f, limit: 50 } } })),
      );
      if (!current) return;
      setSets(pages.flatMap(({ data }) => (data as { keySets?: KeySet[] } | undefined)?.keySets ?? []));
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [place, withAreas]);
  return sets;
}

export function KeyIntake({ onOpened }: IntakeFormProps) {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const phone = Form.useWatch('phone', form);
  const place = placeOf(Form.useWatch('place', form));
  const sets = useKeySets(place, type === 'staff');
  const [staff, setStaff] = useState<StaffEntry[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (type === 'staff' && staff.length === 0) void loadStaff().then(setStaff);
  }, [type, staff.length]);

  async function submit(v: Values) {
    const body: KeyBody = {
      kind: 'key',
      keyId: v.keyId,
      requester: {
        type: v.type,
        name: v.name.trim(),
        phone: v.phone.trim(),
        ...(v.type === 'staff' && v.staffId ? { staffId: v.staffId } : {}),
      },
      reason: v.reason.trim(),
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
      initialValues={{ type: 'owner' }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="type" label="来人身份(KY-2)">
        <Radio.Group
          options={Object.entries(REQUESTER).map(([value, label]) => ({
            value: value as RequesterType,
            label,
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
        <Input inputMode="tel" />
      </Form.Item>
      {type === 'staff' ? (
        <Form.Item name="staffId" label="员工" rules={[{ required: true, message: '请选择员工' }]}>
          <Select
            aria-label="员工"
            showSearch={{ optionFilterProp: 'label' }}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="place"
        label={type === 'staff' ? '房号或区域(如 3-2-1502、水泵房)' : '房号(如 3-2-1502)'}
        rules={[{ required: true, message: '请填写房号' }]}
      >
        <Input />
      </Form.Item>
      <CallerLookup
        phone={phone}
        unit={place}
        onFill={({ name, phone: p, unit }) =>
          form.setFieldsValue({
            ...(name ? { name } : {}),
            ...(p ? { phone: p } : {}),
            ...(unit ? { place: unit } : {}),
          })
        }
      />
      <Form.Item
        name="keyId"
        label="钥匙(登记册,KY-1)"
        rules={[{ required: true, message: '请选择钥匙' }]}
        extra={place && sets?.length === 0 ? '登记册中没有此处的钥匙' : undefined}
      >
        <Select
          aria-label="钥匙"
          showSearch={{ optionFilterProp: 'label' }}
          options={(sets ?? []).map((s) => ({
            value: s.id,
            label: `${s.tag} ${s.label} ×${s.count}(${KEY_STATE[s.state] ?? s.state})`,
            // KY-1: a lost set, or one handed to its owner, cannot be asked for.
            disabled: s.state === 'lost' || s.state === 'released',
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
        <Input />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        登记钥匙申请
      </Button>
    </Form>
  );
}

/** KY-2's next step for the requester the request names. */
export function KeyAnswer({ opened }: { opened: Opened }) {
  const ticket = opened.reply.ticket as
    | { requester?: { type?: RequesterType }; key?: { tag?: string; label?: string } }
    | undefined;
  const type = ticket?.requester?.type;
  return (
    <section aria-label="下一步">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        下一步
      </Typography.Title>
      {ticket?.key ? (
        <Typography.Paragraph>
          钥匙:{ticket.key.tag} {ticket.key.label}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph style={{ fontSize: 18 }} data-testid="next-step">
        {type ? NEXT_STEP[type] : NEXT_STEP.other}
      </Typography.Paragraph>
    </section>
  );
}
