/**
 * A ticket's allowed commands (`allowedCommands`) as buttons, each with its form: the repair path
 * has forms of its own (decide, assign from the directory, acknowledge, complete with the slip,
 * close); any other command takes its JSON body as the API documents it. Errors show as the API
 * words them.
 */
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText, type Ticket } from '../api/client';
import { commandLabel, DEPARTMENT } from '../labels';
import { loadStaff, type StaffEntry } from '../staff';
import { fromLocalInput } from '../time';

type Body = Record<string, unknown>;
const NO_BODY = new Set(['acknowledge', 'close']);

async function send(ticketId: string, command: string, body: Body): Promise<string | undefined> {
  const params = { path: { id: ticketId } };
  // Each command's path is its own entry in the typed paths; the repair forms call theirs by name.
  const call = () => {
    switch (command) {
      case 'assign':
        return api.POST('/tickets/{id}/assign', { params, body: body as { staffId: string } });
      case 'acknowledge':
        return api.POST('/tickets/{id}/acknowledge', { params, body: {} });
      case 'close':
        return api.POST('/tickets/{id}/close', { params, body: {} });
      case 'complete':
        return api.POST('/tickets/{id}/complete', { params, body });
      case 'decide':
        return api.POST('/tickets/{id}/decide', {
          params,
          body: body as { decision: 'dispatch' | 'appointment' | 'decline' },
        });
      default:
        // The other commands: the body as typed in the form (its schema is in /openapi.json).
        return api.POST(`/tickets/{id}/${command}` as '/tickets/{id}/cancel', {
          params,
          body: body as never,
        });
    }
  };
  const { error } = await call();
  return error ? errorText(error) : undefined;
}

function CommandForm({ command, staff }: { command: string; staff: StaffEntry[] }) {
  switch (command) {
    case 'assign':
      return (
        <Form.Item name="staffId" label="派给" rules={[{ required: true, message: '请选择员工' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="派给"
            options={staff.map((s) => ({
              value: s.id,
              label: `${s.name}(${DEPARTMENT[s.department] ?? s.department})`,
            }))}
          />
        </Form.Item>
      );
    case 'complete':
      return (
        <>
          <Form.Item
            name="slipNumber"
            label="服务单号"
            rules={[{ required: true, message: '请填写服务单号' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="signedBy" label="业户签字" rules={[{ required: true, message: '请填写签字人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="decision" label="处理方式" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: 'dispatch', label: '马上派工' },
                { value: 'appointment', label: '预约' },
                { value: 'decline', label: '不予维修' },
              ]}
            />
          </Form.Item>
          <Form.Item name="appointmentAt" label="预约时间">
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="declineReason" label="不予维修的原因">
            <Input />
          </Form.Item>
          <Form.Item name="fee" label="有偿服务费(元)">
            <InputNumber min={0} max={100000} />
          </Form.Item>
        </>
      );
    default:
      return NO_BODY.has(command) ? null : (
        <Form.Item name="json" label="内容(JSON)" initialValue="{}">
          <Input.TextArea rows={5} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      );
  }
}

function bodyOf(command: string, values: Record<string, unknown>, timeZone: string): Body {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  switch (command) {
    case 'assign':
      return { staffId: values.staffId };
    case 'complete':
      return {
        serviceSlip: { number: text(values.slipNumber), signedBy: text(values.signedBy) },
        ...(text(values.note) ? { note: text(values.note) } : {}),
      };
    case 'decide': {
      const at = text(values.appointmentAt);
      return {
        decision: values.decision,
        ...(at ? { appointmentAt: fromLocalInput(at, timeZone) } : {}),
        ...(text(values.declineReason) ? { declineReason: text(values.declineReason) } : {}),
        ...(typeof values.fee === 'number' && values.fee > 0
          ? { paidService: { fee: values.fee, consent: true } }
          : {}),
      };
    }
    default:
      return NO_BODY.has(command) ? {} : (JSON.parse(String(values.json ?? '{}')) as Body);
  }
}

export function Commands({
  ticket,
  timeZone,
  onDone,
}: {
  ticket: Ticket;
  timeZone: string;
  onDone: () => void;
}) {
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<StaffEntry[]>([]);
  const [form] = Form.useForm();
  useEffect(() => {
    if (open === 'assign' && staff.length === 0) void loadStaff().then(setStaff);
  }, [open, staff.length]);

  async function submit() {
    if (!open) return;
    const values = (await form.validateFields()) as Record<string, unknown>;
    let body: Body;
    try {
      body = bodyOf(open, values, timeZone);
    } catch {
      return setError('内容不是有效的 JSON');
    }
    setBusy(true);
    const failed = await send(ticket.id, open, body);
    setBusy(false);
    if (failed) return setError(failed);
    setOpen(undefined);
    onDone();
  }

  const commands = ticket.allowedCommands ?? [];
  return (
    <>
      <Space wrap>
        {commands.length === 0 ? '当前没有可执行的操作' : null}
        {commands.map((c) => (
          <Button
            key={c}
            onClick={() => {
              // A fresh form each time: the modal destroys it on close (destroyOnHidden, preserve=false).
              setError(undefined);
              setOpen(c);
            }}
          >
            {commandLabel(c)}
          </Button>
        ))}
      </Space>
      <Modal
        open={Boolean(open)}
        title={open ? `${commandLabel(open)} · ${ticket.number ?? ''}` : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(undefined)}
        destroyOnHidden
      >
        {open ? (
          <Form form={form} layout="vertical" preserve={false}>
            <CommandForm command={open} staff={staff} />
            {NO_BODY.has(open) ? <p>确认{commandLabel(open)}?</p> : null}
          </Form>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      </Modal>
    </>
  );
}
