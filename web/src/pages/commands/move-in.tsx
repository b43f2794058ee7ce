/**
 * 入住 (MI): one step of the move-in recorded at a time (MI-1..MI-8, 篇3 四, in the original's
 * order), each with its own fields, and completing the case (the API checks the checklist). Lists
 * (documents, forms, manuals) are typed in as tags; counted things and signed copies as rows.
 */
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import {
  type BodyOf,
  Choice,
  type CommandForm,
  commandForm,
  type FormContext,
  must,
  NumberField,
  opt,
  StaffField,
  TextField,
  TimeField,
  text,
  timeOf,
  type Values,
  YES_NO,
} from './spec';

type StepBody = BodyOf<'record-step'>;
type Step = StepBody['step'];

const STEPS: { value: Step; label: string }[] = [
  { value: 'developer-confirmation', label: '开发商入住确认(MI-1)' },
  { value: 'registration', label: '登记与签署文件(MI-2)' },
  { value: 'items', label: '移交手册与物品(MI-3)' },
  { value: 'fees', label: '缴费(MI-4)' },
  { value: 'keys', label: '交钥匙(MI-5)' },
  { value: 'inspection', label: '验房(MI-6)' },
  { value: 'key-retention', label: '钥匙托管(MI-7)' },
  { value: 'meters', label: '抄水表(MI-8)' },
];

const SECURITY = ['security-guard', 'security-captain', 'security-shift-lead', 'security-manager'];
const INSPECTORS = ['property-office', 'technician', 'repair-lead', 'engineering-manager'];

function Tags({ name, label, required }: { name: string; label: string; required?: boolean }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra="逐项输入,回车确认"
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      <Select mode="tags" aria-label={label} open={false} suffixIcon={null} />
    </Form.Item>
  );
}

/** Rows of a list (`name`): each row's fields, with add and remove buttons (keyboard reachable). */
function Rows(props: { name: string; label: string; row: (field: number) => ReactNode }) {
  return (
    <Form.List name={props.name}>
      {(rows, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rows.map((row, i) => (
            <Space key={row.key} align="baseline" wrap>
              {props.row(row.name)}
              <Button onClick={() => remove(row.name)} aria-label={`删除第${i + 1}行`}>
                删除
              </Button>
            </Space>
          ))}
          <Button onClick={() => add()}>添加{props.label}</Button>
        </Space>
      )}
    </Form.List>
  );
}

const cell = (field: number, key: string, label: string, node: ReactNode, required = true) => (
  <Form.Item
    name={[field, key]}
    label={label}
    rules={required ? [{ required: true, message: `请填写${label}` }] : []}
  >
    {node}
  </Form.Item>
);

function StepFields({ ctx }: { ctx: FormContext }) {
  const step = Form.useWatch('step') as Step | undefined;
  return (
    <>
      <Form.Item name="step" label="步骤" rules={[{ required: true, message: '请选择步骤' }]}>
        <Select aria-label="步骤" options={STEPS} />
      </Form.Item>
      {step === 'developer-confirmation' ? (
        <>
          <TextField name="confirmationNo" label="入住确认单号" required max={40} />
          <Tags name="documents" label="业主携带的资料" />
          <TextField name="note" label="备注" max={300} />
        </>
      ) : null}
      {step === 'registration' ? (
        <>
          <Choice name="idCopied" label="已复印业主身份证" options={YES_NO} required />
          <Tags name="forms" label="已填写的表格" />
          <Rows
            name="signed"
            label="签署文件"
            row={(f) => (
              <>
                {cell(f, 'name', '文件', <Input maxLength={50} />)}
                {cell(f, 'copies', '份数', <InputNumber min={1} />)}
                {cell(f, 'ownerKept', '业主留存', <InputNumber min={0} />)}
              </>
            )}
          />
        </>
      ) : null}
      {step === 'items' ? (
        <>
          <Tags name="manuals" label="已移交的手册" />
          <Rows
            name="counted"
            label="物品"
            row={(f) => (
              <>
                {cell(f, 'item', '物品', <Input maxLength={50} />)}
                {cell(f, 'count', '数量', <InputNumber min={0} />)}
                {cell(f, 'reason', '数量不符的原因', <Input maxLength={200} />, false)}
              </>
            )}
          />
        </>
      ) : null}
      {step === 'fees' ? (
        <>
          <NumberField name="months" label="预交物业费月数" required min={1} />
          <NumberField name="propertyAmount" label="物业费金额(元)" required />
          <TextField name="propertyReceipt" label="物业费收据号" required max={40} />
          <NumberField name="tvAmount" label="有线电视费(元)" required />
          <TextField name="tvReceipt" label="有线电视费收据号" required max={40} />
        </>
      ) : null}
      {step === 'keys' ? (
        <>
          <TextField name="keyId" label="钥匙编号(钥匙台账)" required max={64} />
          <StaffField name="guardId" label="交钥匙的保安" staff={ctx.staff} roles={SECURITY} required />
          <TextField name="slipNumber" label="交接单号" required max={40} />
          <Choice name="ownerSigned" label="业主已签字" options={YES_NO} required />
        </>
      ) : null}
      {step === 'inspection' ? (
        <>
          <StaffField name="inspectorId" label="验房人" staff={ctx.staff} roles={INSPECTORS} required />
          <Choice name="withOwner" label="业主一同验房" options={YES_NO} required />
          <Rows
            name="defects"
            label="问题"
            row={(f) => (
              <>
                {cell(f, 'location', '部位', <Input maxLength={50} />)}
                {cell(f, 'description', '问题描述', <Input maxLength={200} />)}
              </>
            )}
          />
          <Choice name="copyOwner" label="业主联已交" options={YES_NO} required />
          <Choice name="copyArchive" label="存档联已留" options={YES_NO} required />
          <Choice name="copyEngineering" label="工程部联已送" options={YES_NO} required />
        </>
      ) : null}
      {step === 'key-retention' ? (
        <>
          <TextField name="agreementNo" label="托管协议号" required max={40} />
          <TextField name="slipNo" label="交接单号" required max={40} />
          <TextField name="label" label="钥匙说明" required max={50} />
          <NumberField name="count" label="把数" required min={1} />
          <TextField name="tag" label="钥匙牌号" required max={20} />
          <TimeField name="signedAt" label="签署时间" required />
        </>
      ) : null}
      {step === 'meters' ? (
        <>
          <NumberField name="coldWater" label="冷水表读数" required />
          <NumberField name="hotWater" label="热水表读数" required />
          <Choice name="ownerSigned" label="业主已签字" options={YES_NO} required />
        </>
      ) : null}
    </>
  );
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .map(String)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const rows = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v.filter(Boolean) as T[]) : []);

function stepBody(v: Values, { timeZone }: FormContext): StepBody {
  switch (v.step as Step) {
    case 'developer-confirmation':
      return {
        step: 'developer-confirmation',
        confirmationNo: must(v.confirmationNo),
        documents: strings(v.documents),
        ...opt('note', text(v.note)),
      };
    case 'registration':
      return {
        step: 'registration',
        idCopied: v.idCopied === true,
        forms: strings(v.forms),
        signed: Object.fromEntries(
          rows<{ name: string; copies: number; ownerKept: number }>(v.signed).map((r) => [
            must(r.name),
            { copies: num(r.copies), ownerKept: num(r.ownerKept) },
          ]),
        ),
      };
    case 'items': {
      const counted = rows<{ item: string; count: number; reason?: string }>(v.counted);
      const reasons = counted.filter((r) => text(r.reason)).map((r) => [must(r.item), must(r.reason)]);
      return {
        step: 'items',
        manuals: strings(v.manuals),
        counted: Object.fromEntries(counted.map((r) => [must(r.item), num(r.count)])),
        ...(reasons.length ? { reasons: Object.fromEntries(reasons) } : {}),
      };
    }
    case 'fees':
      return {
        step: 'fees',
        propertyFee: {
          months: num(v.months),
          amount: num(v.propertyAmount),
          receiptNo: must(v.propertyReceipt),
        },
        tvFee: { amount: num(v.tvAmount), receiptNo: must(v.tvReceipt) },
      };
    case 'keys':
      return {
        step: 'keys',
        keyId: must(v.keyId),
        guardId: must(v.guardId),
        slipNumber: must(v.slipNumber),
        ownerSigned: v.ownerSigned === true,
      };
    case 'inspection':
      return {
        step: 'inspection',
        inspectorId: must(v.inspectorId),
        withOwner: v.withOwner === true,
        defects: rows<{ location: string; description: string }>(v.defects).map((d) => ({
          location: must(d.location),
          description: must(d.description),
        })),
        copies: {
          owner: v.copyOwner === true,
          archive: v.copyArchive === true,
          engineering: v.copyEngineering === true,
        },
      };
    case 'key-retention':
      return {
        step: 'key-retention',
        agreementNo: must(v.agreementNo),
        slipNo: must(v.slipNo),
        label: must(v.label),
        count: num(v.count),
        tag: must(v.tag),
        signedAt: timeOf(v.signedAt, timeZone) ?? '',
      };
    default:
      return {
        step: 'meters',
        coldWater: num(v.coldWater),
        hotWater: num(v.hotWater),
        ownerSigned: v.ownerSigned === true,
      };
  }
}

export const MOVE_IN_FORMS: Record<string, CommandForm> = {
  'record-step': commandForm('record-step', { staff: true, Fields: StepFields, body: stepBody }),
  complete: commandForm('complete', {
    label: '办结入住',
    Fields: () => <TextField name="note" label="备注" max={300} rows={2} />,
    body: (v) => ({ ...opt('note', text(v.note)) }),
  }),
};
