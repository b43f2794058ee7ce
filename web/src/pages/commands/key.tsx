/**
 * 钥匙 (KY): verifying who asks (KY-2, the check that fits the requester; MI-7 the owner's word for
 * a retained key), the slip with its return time (KY-3), handing the key out to a guard (KY-4, with
 * the escort for a viewing), its return, and cancelling. An ID number is never typed whole: its type
 * and last 4 characters only.
 */
import { Form, Input } from 'antd';
import {
  type BodyOf,
  Choice,
  type CommandForm,
  commandForm,
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

type IdType = NonNullable<BodyOf<'verify'>['idType']>;
const ID_TYPES: { value: IdType; label: string }[] = [
  { value: 'resident-id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hk-macau-permit', label: '港澳通行证' },
  { value: 'taiwan-permit', label: '台湾通行证' },
  { value: 'other', label: '其他证件' },
];
const SECURITY = ['security-guard', 'security-captain', 'security-shift-lead', 'security-manager'];
const LAST4 = [{ pattern: /^[0-9A-Za-z]{4}$/, message: '证件号后4位(字母或数字)' }];

/** KY-2's table: the owner shows an ID; tenant, agent or other: the owner is phoned; staff: their head. */
const CHECK_OF: Record<string, 'id' | 'ownerCall' | 'departmentHead'> = {
  owner: 'id',
  tenant: 'ownerCall',
  agent: 'ownerCall',
  other: 'ownerCall',
  staff: 'departmentHead',
};

function IdFields({ required }: { required?: boolean }) {
  return (
    <>
      <Choice name="idType" label="证件类型" options={ID_TYPES} required={required} />
      <Form.Item
        name="idLast4"
        label="证件号后4位"
        rules={required ? [{ required: true, message: '请填写' }, ...LAST4] : LAST4}
      >
        <Input maxLength={4} />
      </Form.Item>
    </>
  );
}

function VerifyFields({ ctx }: { ctx: FormContext }) {
  const requester = (ctx.ticket as { requester?: { type?: string } }).requester?.type ?? 'owner';
  const check = Form.useWatch('check') ?? CHECK_OF[requester] ?? 'id';
  return (
    <>
      <Choice
        name="check"
        label="核实方式"
        initial={CHECK_OF[requester] ?? 'id'}
        options={[
          { value: 'id', label: '查验业主证件' },
          { value: 'ownerCall', label: '电话联系业主' },
          { value: 'departmentHead', label: '部门负责人确认' },
        ]}
      />
      {check === 'id' ? (
        <>
          <Choice name="idChecked" label="已查验有效证件" options={YES_NO} required />
          <IdFields />
        </>
      ) : null}
      {check === 'ownerCall' ? (
        <>
          <Choice
            name="ownerOutcome"
            label="业主答复"
            required
            options={[
              { value: 'confirmed', label: '同意' },
              { value: 'refused', label: '不同意' },
              { value: 'unreachable', label: '联系不上' },
            ]}
          />
          <Choice name="viewingAllowed" label="业主同意看房(中介)" options={YES_NO} />
          <TextField name="ownerNote" label="通话记录" max={300} />
        </>
      ) : null}
      {check === 'departmentHead' ? (
        <>
          <StaffField name="headId" label="部门负责人" staff={ctx.staff} required />
          <Choice
            name="headOutcome"
            label="负责人答复"
            required
            options={[
              { value: 'confirmed', label: '同意' },
              { value: 'refused', label: '不同意' },
            ]}
          />
        </>
      ) : null}
      <TextField name="note" label="备注" max={300} />
    </>
  );
}

function verifyBody(v: Values): BodyOf<'verify'> {
  const note = opt('note', text(v.note));
  if (v.check === 'ownerCall') {
    return {
      ownerCall: {
        outcome: v.ownerOutcome as NonNullable<BodyOf<'verify'>['ownerCall']>['outcome'],
        ...opt('note', text(v.ownerNote)),
        ...opt('viewingAllowed', typeof v.viewingAllowed === 'boolean' ? v.viewingAllowed : undefined),
      },
      ...note,
    };
  }
  if (v.check === 'departmentHead') {
    return {
      departmentHead: {
        staffId: must(v.headId),
        outcome: v.headOutcome as NonNullable<BodyOf<'verify'>['departmentHead']>['outcome'],
      },
      ...note,
    };
  }
  return {
    ...opt('idChecked', typeof v.idChecked === 'boolean' ? v.idChecked : undefined),
    ...opt('idType', v.idType as IdType | undefined),
    ...opt('idLast4', text(v.idLast4)),
    ...note,
  };
}

export const KEY_FORMS: Record<string, CommandForm> = {
  verify: commandForm('verify', { staff: true, Fields: VerifyFields, body: verifyBody }),
  'issue-slip': commandForm('issue-slip', {
    Fields: () => <TimeField name="dueAt" label="归还时间(不填按园区默认)" />,
    body: (v, { timeZone }) => ({ ...opt('dueAt', timeOf(v.dueAt, timeZone)) }),
  }),
  'hand-out': commandForm('hand-out', {
    staff: true,
    Fields: ({ ctx }) => (
      <>
        <StaffField name="guardId" label="领钥匙的保安" staff={ctx.staff} roles={SECURITY} required />
        <Choice name="idChecked" label="已查验领用人证件" options={YES_NO} required />
        <IdFields />
        <StaffField name="escortId" label="陪同看房的保安" staff={ctx.staff} roles={SECURITY} />
      </>
    ),
    body: (v) => ({
      guardId: must(v.guardId),
      idChecked: v.idChecked === true,
      ...opt('escortId', text(v.escortId)),
      ...opt('idType', v.idType as IdType | undefined),
      ...opt('idLast4', text(v.idLast4)),
    }),
  }),
  return: commandForm('return', {
    staff: true,
    Fields: ({ ctx }) => (
      <StaffField name="receivedBy" label="收回钥匙的保安" staff={ctx.staff} roles={SECURITY} required />
    ),
    body: (v) => ({ receivedBy: must(v.receivedBy) }),
  }),
  cancel: commandForm('cancel', {
    Fields: () => <TextField name="reason" label="取消原因" required max={300} rows={2} />,
    body: (v) => ({ reason: must(v.reason) }),
  }),
};
