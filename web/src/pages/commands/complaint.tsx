/**
 * 投诉 (CH, DS): grading (CH-1..CH-3), the signatures (CH-4 report sheet, CH-8 stop-harm, CH-5
 * supervisor/director), follow-ups (DS-4, DS-5), the answer (CH-7), resolving (DS-6), the callback
 * (CH-6), the service slip and a regrade (ADR 016). Who may do which is the API's to say: the
 * person complained about is refused in its words (CH-4).
 */
import { Form } from 'antd';
import type { BodyOf } from './spec';
import {
  Choice,
  type CommandForm,
  commandForm,
  DepartmentField,
  type FormContext,
  must,
  opt,
  StaffField,
  TextField,
  TimeField,
  text,
  timeOf,
  type Values,
  YES_NO,
} from './spec';

const SEVERITIES = [
  { value: 'major', label: '重大' },
  { value: 'important', label: '重要' },
  { value: 'minor', label: '轻微' },
];

type About = NonNullable<BodyOf<'grade'>['about']>;
type Department = Extract<About, { department: unknown }>['department'];

/** CH-3: whom it is about — a department, or a person of the directory (their department follows). */
function AboutFields({ ctx }: { ctx: FormContext }) {
  const aboutKind = Form.useWatch('aboutKind');
  return (
    <>
      <Choice
        name="aboutKind"
        label="投诉对象"
        initial="department"
        options={[
          { value: 'department', label: '部门' },
          { value: 'person', label: '员工个人' },
        ]}
      />
      {aboutKind === 'person' ? (
        <StaffField name="aboutStaffId" label="被投诉的员工" staff={ctx.staff} />
      ) : (
        <DepartmentField name="aboutDepartment" label="涉及部门" />
      )}
    </>
  );
}

function aboutOf(v: Values): About | undefined {
  if (v.aboutKind === 'person') return text(v.aboutStaffId) ? { staffId: must(v.aboutStaffId) } : undefined;
  return text(v.aboutDepartment) ? { department: v.aboutDepartment as Department } : undefined;
}

function GradeFields({ ctx }: { ctx: FormContext }) {
  const valid = Form.useWatch('valid');
  return (
    <>
      <Choice
        name="valid"
        label="是否有效投诉"
        required
        options={[
          { value: true, label: '有效投诉' },
          { value: false, label: '无效投诉' },
        ]}
      />
      {valid === false ? null : (
        <>
          <Choice name="severity" label="级别" options={SEVERITIES} />
          <AboutFields ctx={ctx} />
          <TextField name="demand" label="业户的要求" max={300} />
          <TimeField name="residentDeadline" label="业户要求的期限" />
          <Choice name="ongoingHarm" label="损害仍在继续" options={YES_NO} initial={false} />
        </>
      )}
    </>
  );
}

const ACK_STEPS = [
  { value: 'report-sheet', label: '签收投诉呈报单' },
  { value: 'stop-harm', label: '确认制止损害' },
  { value: 'supervisor', label: '主管确认' },
  { value: 'director', label: '主任确认' },
];

const NOTE =
  (label: string, required = true) =>
  () => <TextField name="note" label={label} required={required} max={500} rows={3} />;

export const COMPLAINT_FORMS: Record<string, CommandForm> = {
  grade: commandForm('grade', {
    label: '定性定级',
    staff: true,
    Fields: GradeFields,
    body: (v, { timeZone }) =>
      v.valid === false
        ? { valid: false }
        : {
            valid: true,
            ...opt('severity', v.severity as BodyOf<'grade'>['severity']),
            ...opt('about', aboutOf(v)),
            ...opt('demand', text(v.demand)),
            ...opt('residentDeadline', timeOf(v.residentDeadline, timeZone)),
            ...(v.ongoingHarm === true ? { ongoingHarm: true } : {}),
          },
  }),
  acknowledge: commandForm('acknowledge', {
    label: '签收',
    Fields: () => (
      <>
        <Choice name="step" label="签收哪一项" options={ACK_STEPS} required />
        <TextField name="note" label="备注" max={300} rows={2} />
      </>
    ),
    body: (v) => ({
      step: v.step as NonNullable<BodyOf<'acknowledge'>['step']>,
      ...opt('note', text(v.note)),
    }),
  }),
  'follow-ups': commandForm('follow-ups', {
    Fields: NOTE('跟进情况'),
    body: (v) => ({ note: must(v.note) }),
  }),
  reply: commandForm('reply', { Fields: NOTE('答复内容'), body: (v) => ({ note: must(v.note) }) }),
  resolve: commandForm('resolve', {
    Fields: () => (
      <>
        <TextField name="confirmedBy" label="确认完成的人" required max={50} />
        <Choice
          name="via"
          label="确认方式"
          required
          options={[
            { value: 'phone', label: '电话' },
            { value: 'in-person', label: '当面' },
            { value: 'service-slip', label: '服务单' },
          ]}
        />
        <TextField name="note" label="处理情况" max={500} rows={2} />
        <TextField
          name="override"
          label="尚缺签字仍报处理完毕的理由(管理层)"
          max={300}
          extra="仅在签字未齐、由上级决定先报处理完毕时填写"
        />
      </>
    ),
    body: (v) => ({
      confirmedBy: must(v.confirmedBy),
      via: v.via as BodyOf<'resolve'>['via'],
      ...opt('note', text(v.note)),
      ...(text(v.override) ? { override: { reason: must(v.override) } } : {}),
    }),
  }),
  callback: commandForm('callback', {
    Fields: () => (
      <>
        <Choice
          name="outcome"
          label="回访结果"
          required
          options={[
            { value: 'satisfied', label: '满意' },
            { value: 'dissatisfied', label: '不满意' },
            { value: 'unreachable', label: '联系不上' },
          ]}
        />
        <TextField name="note" label="回访记录" max={500} rows={2} />
      </>
    ),
    body: (v) => ({
      outcome: v.outcome as BodyOf<'callback'>['outcome'],
      ...opt('note', text(v.note)),
    }),
  }),
  'service-slip': commandForm('service-slip', {
    label: '服务单回收',
    Fields: () => (
      <>
        <TextField name="number" label="服务单号" required max={40} />
        <TextField name="signedBy" label="业户签字" required max={50} />
      </>
    ),
    body: (v) => ({ number: must(v.number), signedBy: must(v.signedBy) }),
  }),
  regrade: commandForm('regrade', {
    staff: true,
    Fields: ({ ctx }) => (
      <>
        <Choice name="valid" label="是否有效投诉" options={YES_NO} />
        <Choice name="severity" label="级别" options={SEVERITIES} />
        <AboutFields ctx={ctx} />
        <TextField name="reason" label="改级原因" required max={300} rows={2} />
      </>
    ),
    body: (v) => ({
      ...opt('valid', typeof v.valid === 'boolean' ? v.valid : undefined),
      ...opt('severity', v.severity as BodyOf<'regrade'>['severity']),
      ...opt('about', aboutOf(v)),
      reason: must(v.reason),
    }),
  }),
};
