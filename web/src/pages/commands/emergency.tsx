/**
 * 紧急 (EM): the chain's acknowledgement (EM-2), responders on scene and their reports (EM-3),
 * hand-over of the case (EM-4), leaders' instructions and their results (EM-5), sign-off and
 * closing with what became of each instruction still open (EM-6).
 */
import { Form, Input, Space, Typography } from 'antd';
import {
  type CommandForm,
  commandForm,
  confirmOnly,
  type FormContext,
  must,
  NumberField,
  opt,
  StaffField,
  TextField,
  TimeField,
  text,
  timeOf,
} from './spec';

interface OpenInstruction {
  number: number;
  text: string;
  to?: { name?: string };
  state?: string;
}

/** The instructions still open on the case (EM-6 asks what became of each before closing). */
function openInstructions(ctx: FormContext): OpenInstruction[] {
  const all = (ctx.ticket as { instructions?: OpenInstruction[] }).instructions ?? [];
  return all.filter((i) => i.state === 'open' || i.state === 'overdue');
}

/** `staffId` of the body: the desk records for someone who phoned in (empty: the signed-in person). */
const onBehalf = (ctx: FormContext, label: string) => (
  <StaffField name="staffId" label={label} staff={ctx.staff} />
);

function CloseFields({ ctx }: { ctx: FormContext }) {
  const open = openInstructions(ctx);
  if (open.length === 0) return <p>确认关闭此紧急事件?</p>;
  return (
    <Form.List name="instructions" initialValue={open.map((i) => ({ number: i.number, note: '' }))}>
      {(rows) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>以下指示尚未完成,请逐条说明结果:</Typography.Text>
          {rows.map((row, index) => {
            const item = open[index];
            return (
              <Form.Item
                key={row.key}
                name={[row.name, 'note']}
                label={`指示${item?.number ?? ''}:${item?.text ?? ''}(${item?.to?.name ?? ''})`}
                rules={[{ required: true, whitespace: true, message: '请说明该指示的结果' }]}
              >
                <Input maxLength={150} />
              </Form.Item>
            );
          })}
        </Space>
      )}
    </Form.List>
  );
}

export const EMERGENCY_FORMS: Record<string, CommandForm> = {
  acknowledge: commandForm('acknowledge', {
    label: '确认收到',
    staff: true,
    Fields: ({ ctx }) => (
      <>
        {onBehalf(ctx, '代为登记电话确认的人(本人确认不填)')}
        <TextField name="note" label="备注" max={300} rows={2} />
      </>
    ),
    body: (v) => ({ ...opt('staffId', text(v.staffId)), ...opt('note', text(v.note)) }),
  }),
  'on-scene': commandForm('on-scene', {
    staff: true,
    Fields: ({ ctx }) => onBehalf(ctx, '代为登记到场的人(本人到场不填)'),
    body: (v) => ({ ...opt('staffId', text(v.staffId)) }),
  }),
  report: commandForm('report', {
    staff: true,
    Fields: ({ ctx }) => (
      <>
        <TextField name="text" label="现场情况" required max={500} rows={3} />
        {onBehalf(ctx, '代为登记汇报的人(本人汇报不填)')}
      </>
    ),
    body: (v) => ({ text: must(v.text), ...opt('staffId', text(v.staffId)) }),
  }),
  'hand-over': commandForm('hand-over', {
    staff: true,
    Fields: ({ ctx }) => <StaffField name="staffId" label="交给" staff={ctx.staff} required />,
    body: (v) => ({ staffId: must(v.staffId) }),
  }),
  'accept-handover': confirmOnly('accept-handover'),
  instructions: commandForm('instructions', {
    staff: true,
    Fields: ({ ctx }) => (
      <>
        <TextField name="from" label="下达指示的人或单位" required max={50} />
        <StaffField name="fromStaffId" label="下达人(本园区领导)" staff={ctx.staff} />
        <StaffField name="to" label="执行人" staff={ctx.staff} required />
        <TextField name="text" label="指示内容" required max={300} rows={2} />
        <TimeField name="dueAt" label="完成期限" required />
      </>
    ),
    body: (v, { timeZone }) => ({
      from: must(v.from),
      to: must(v.to),
      text: must(v.text),
      dueAt: timeOf(v.dueAt, timeZone) ?? '',
      ...opt('fromStaffId', text(v.fromStaffId)),
    }),
  }),
  'instruction-done': commandForm('instruction-done', {
    Fields: ({ ctx }) => {
      const open = openInstructions(ctx);
      return (
        <>
          <NumberField name="number" label="指示序号" required min={1} />
          {open.length ? (
            <Typography.Text type="secondary">
              未完成:{open.map((i) => `${i.number}. ${i.text}`).join(';')}
            </Typography.Text>
          ) : null}
          <TextField name="result" label="完成情况" required max={300} rows={2} />
        </>
      );
    },
    body: (v) => ({ number: Number(v.number), result: must(v.result) }),
  }),
  'sign-off': commandForm('sign-off', {
    Fields: () => <TextField name="comment" label="结案意见" required max={300} rows={3} />,
    body: (v) => ({ comment: must(v.comment) }),
  }),
  close: commandForm('close', {
    Fields: CloseFields,
    body: (v) => {
      const rows = (v.instructions as { number: number; note: string }[] | undefined) ?? [];
      return rows.length ? { instructions: rows.map((r) => ({ number: r.number, note: must(r.note) })) } : {};
    },
  }),
};
