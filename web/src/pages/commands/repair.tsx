/** 报修 (RP): the decision, assigning from the directory, acknowledge, completion with the slip, close, corrections. */
import { Form, Input, InputNumber, Radio } from 'antd';
import {
  type CommandForm,
  commandForm,
  confirmOnly,
  must,
  opt,
  StaffField,
  TextField,
  TimeField,
  text,
  timeOf,
} from './spec';

const REASON = () => <TextField name="reason" label="原因" required max={300} rows={2} />;

export const REPAIR_FORMS: Record<string, CommandForm> = {
  decide: commandForm('decide', {
    Fields: () => (
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
        <TimeField name="appointmentAt" label="预约时间" />
        <Form.Item name="declineReason" label="不予维修的原因">
          <Input />
        </Form.Item>
        <Form.Item name="fee" label="有偿服务费(元)">
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </>
    ),
    body: (v, { timeZone }) => ({
      decision: v.decision as 'dispatch' | 'appointment' | 'decline',
      ...opt('appointmentAt', timeOf(v.appointmentAt, timeZone)),
      ...opt('declineReason', text(v.declineReason)),
      // RP-4: the fee is read to the resident, whose consent the dispatcher records by entering it.
      ...(typeof v.fee === 'number' && v.fee > 0 ? { paidService: { fee: v.fee, consent: true } } : {}),
    }),
  }),
  assign: commandForm('assign', {
    staff: true,
    Fields: ({ ctx }) => <StaffField name="staffId" label="派给" staff={ctx.staff} required />,
    body: (v) => ({ staffId: must(v.staffId) }),
  }),
  acknowledge: confirmOnly('acknowledge'),
  complete: commandForm('complete', {
    Fields: () => (
      <>
        <TextField name="slipNumber" label="服务单号" required max={40} />
        <TextField name="signedBy" label="业户签字" required max={50} />
        <TextField name="note" label="备注" max={300} rows={2} />
      </>
    ),
    body: (v) => ({
      serviceSlip: { number: must(v.slipNumber), signedBy: must(v.signedBy) },
      ...opt('note', text(v.note)),
    }),
  }),
  close: confirmOnly('close'),
  cancel: commandForm('cancel', { Fields: REASON, body: (v) => ({ reason: must(v.reason) }) }),
  reschedule: commandForm('reschedule', {
    Fields: () => (
      <>
        <TimeField name="appointmentAt" label="新的预约时间" required />
        <REASON />
      </>
    ),
    body: (v, { timeZone }) => ({
      appointmentAt: timeOf(v.appointmentAt, timeZone) ?? '',
      reason: must(v.reason),
    }),
  }),
  reopen: commandForm('reopen', { Fields: REASON, body: (v) => ({ reason: must(v.reason) }) }),
};
