/**
 * A ticket's allowed commands (`allowedCommands`) as buttons, each with its form: a table per kind
 * (repair.tsx, complaint.tsx, emergency.tsx, key.tsx, move-in.tsx) of command → fields + body
 * builder, typed by the OpenAPI document. A command the console does not know yet (an API newer
 * than the console) still works: its body is typed as JSON, as /openapi.json documents it. Errors
 * show as the API words them.
 */
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText, type Ticket, type TicketKind } from '../../api/client';
import { commandLabel } from '../../labels';
import { currentSession } from '../../session';
import { loadStaff, type StaffEntry } from '../../staff';
import { COMPLAINT_FORMS } from './complaint';
import { EMERGENCY_FORMS } from './emergency';
import { KEY_FORMS } from './key';
import { MOVE_IN_FORMS } from './move-in';
import { REPAIR_FORMS } from './repair';
import type { CommandForm, FormContext, Values } from './spec';

const FORMS: Record<TicketKind, Record<string, CommandForm>> = {
  repair: REPAIR_FORMS,
  complaint: COMPLAINT_FORMS,
  emergency: EMERGENCY_FORMS,
  key: KEY_FORMS,
  'move-in': MOVE_IN_FORMS,
};

function JsonFields() {
  return (
    <Form.Item name="json" label="内容(JSON)" initialValue="{}">
      <Input.TextArea rows={5} style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}

/** The fallback for a command no table knows: its JSON body, sent as typed. */
function jsonForm(command: string): CommandForm {
  return {
    // Not one of the typed commands: only this path, for an API newer than the console.
    command: command as CommandForm['command'],
    Fields: JsonFields,
    async run(ticketId, values) {
      const body = JSON.parse(String(values.json ?? '{}')) as never;
      const path = `/tickets/{id}/${command}` as '/tickets/{id}/cancel';
      const { error } = await api.POST(path, { params: { path: { id: ticketId } }, body });
      return error ? errorText(error) : undefined;
    },
  };
}

export const formFor = (kind: TicketKind, command: string): CommandForm =>
  FORMS[kind]?.[command] ?? jsonForm(command);

export function Commands({
  ticket,
  timeZone,
  onDone,
}: {
  ticket: Ticket;
  timeZone: string;
  onDone: () => void;
}) {
  const [open, setOpen] = useState<CommandForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<StaffEntry[]>([]);
  const [form] = Form.useForm();
  useEffect(() => {
    if (open?.staff && staff.length === 0) void loadStaff().then(setStaff);
  }, [open, staff.length]);
  const ctx: FormContext = { ticket, staff, timeZone };

  async function submit() {
    if (!open) return;
    const values = (await form.validateFields()) as Values;
    setBusy(true);
    let failed: string | undefined;
    try {
      failed = await open.run(ticket.id, values, ctx);
    } catch (error) {
      // Only the JSON fallback's body can fail to build (the typed forms' rules hold their fields).
      failed = error instanceof SyntaxError ? '内容不是有效的 JSON' : String(error);
    }
    setBusy(false);
    if (failed) return setError(failed);
    setOpen(undefined);
    onDone();
  }

  const label = (f: CommandForm) => f.label ?? commandLabel(f.command);
  const commands = (ticket.allowedCommands ?? []).map((c) => formFor(ticket.kind, c));
  // CH-4/CH-5/DS-6: the API offers the person complained about no step; say why rather than show nothing.
  const about = (ticket as { about?: { staffId?: string } }).about;
  const accused = ticket.kind === 'complaint' && about?.staffId === currentSession()?.staffId;
  const Fields = open?.Fields;
  return (
    <>
      <Space wrap>
        {accused ? (
          <Alert
            type="info"
            showIcon
            title="本投诉针对您本人:按规定被投诉人不参与处理(CH-4),由下一级负责人处理。"
          />
        ) : commands.length === 0 ? (
          '当前没有可执行的操作'
        ) : null}
        {commands.map((f) => (
          <Button
            key={f.command}
            onClick={() => {
              // A fresh form each time: the modal destroys it on close (destroyOnHidden, preserve=false).
              setError(undefined);
              setOpen(f);
            }}
          >
            {label(f)}
          </Button>
        ))}
      </Space>
      <Modal
        open={Boolean(open)}
        title={open ? `${label(open)} · ${ticket.number ?? ''}` : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(undefined)}
        destroyOnHidden
      >
        {open ? (
          <Form form={form} layout="vertical" preserve={false}>
            {Fields ? <Fields ctx={ctx} /> : <p>确认{label(open)}?</p>}
          </Form>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      </Modal>
    </>
  );
}
