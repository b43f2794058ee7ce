/**
 * What a command form is: the fields it shows and the body it sends, typed by the command's own
 * request body in the OpenAPI document (schema.ts), so a form that builds the wrong body does not
 * compile. Each kind's table (repair.tsx, complaint.tsx …) maps command → form; the same command
 * name means different things per kind (an emergency's `acknowledge` is not a complaint's).
 */
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { api, errorText, type Ticket } from '../../api/client';
import type { paths } from '../../api/schema';
import { DEPARTMENT } from '../../labels';
import type { StaffEntry } from '../../staff';
import { fromLocalInput } from '../../time';

type CommandOf<P> = P extends `/tickets/{id}/${infer C}` ? C : never;
/** Every `POST /tickets/{id}/<command>` the API documents. */
export type CommandName = {
  [P in keyof paths]: paths[P] extends { post: { requestBody?: unknown } } ? CommandOf<P> : never;
}[keyof paths];
type CommandPath<C extends CommandName> = `/tickets/{id}/${C}` & keyof paths;
/** The request body the API documents for a command. */
export type BodyOf<C extends CommandName> =
  NonNullable<paths[CommandPath<C>] extends { post: { requestBody?: infer B } } ? B : never> extends {
    content: { 'application/json': infer J };
  }
    ? J
    : never;

/** The form's values as antd hands them over (each form reads its own names). */
export type Values = Record<string, unknown>;

export interface FormContext {
  ticket: Ticket;
  staff: StaffEntry[];
  timeZone: string;
}

export interface CommandForm {
  command: CommandName;
  /** The button's words, when the kind says it otherwise than `commandLabel` (an emergency's 确认收到). */
  label?: string;
  /** The fields; none: a plain confirmation. */
  Fields?: ComponentType<{ ctx: FormContext }>;
  /** Loads the directory before the form opens (a person is picked from it). */
  staff?: boolean;
  /** Builds the body from the form and sends it: undefined when done, else the API's words. */
  run(ticketId: string, values: Values, ctx: FormContext): Promise<string | undefined>;
}

/** POST /tickets/{id}/<command> with its typed body: undefined, or the error as the API words it. */
export async function sendCommand<C extends CommandName>(
  ticketId: string,
  command: C,
  body: BodyOf<C>,
): Promise<string | undefined> {
  // One call for every command: the path is a union openapi-fetch cannot narrow, so its body is
  // checked here, by `BodyOf<C>`, and handed on as it is.
  const path = `/tickets/{id}/${command}` as '/tickets/{id}/cancel';
  const { error } = await api.POST(path, { params: { path: { id: ticketId } }, body: body as never });
  return error ? errorText(error) : undefined;
}

/** A form for `command`: its fields, and a body builder the compiler holds to the command's schema. */
export function commandForm<C extends CommandName>(
  command: C,
  parts: {
    label?: string;
    Fields?: ComponentType<{ ctx: FormContext }>;
    staff?: boolean;
    body: (values: Values, ctx: FormContext) => BodyOf<C>;
  },
): CommandForm {
  return {
    command,
    ...(parts.label ? { label: parts.label } : {}),
    ...(parts.Fields ? { Fields: parts.Fields } : {}),
    ...(parts.staff ? { staff: true } : {}),
    run: (ticketId, values, ctx) => sendCommand(ticketId, command, parts.body(values, ctx)),
  };
}

/** A command that takes no body (`{}`), confirmed by its button. */
export const confirmOnly = <C extends CommandName>(command: C, label?: string) =>
  commandForm(command, { ...(label ? { label } : {}), body: () => ({}) as BodyOf<C> });

// Reading the values.

/** A text field's trimmed value, or undefined when empty. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A required text field's value (the form's rules made sure it is there). */
export const must = (value: unknown): string => text(value) ?? '';

/** `{ [key]: value }` when the value is there, else nothing: optional fields stay out of the body. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A `datetime-local` field as an ISO time with the park's offset. */
export function timeOf(value: unknown, timeZone: string): string | undefined {
  const v = text(value);
  return v ? fromLocalInput(v, timeZone) : undefined;
}

// The fields the forms share (each with a label: its accessible name).

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function TextField(props: {
  name: string;
  label: string;
  required?: boolean;
  max?: number;
  rows?: number;
  extra?: ReactNode;
}) {
  const { name, label, max, rows } = props;
  return (
    <Form.Item
      name={name}
      label={label}
      extra={props.extra}
      rules={props.required ? required(`请填写${label}`) : []}
    >
      {rows ? (
        <Input.TextArea rows={rows} maxLength={max} showCount={Boolean(max)} />
      ) : (
        <Input maxLength={max} />
      )}
    </Form.Item>
  );
}

export function TimeField({
  name,
  label,
  required: must,
}: {
  name: string;
  label: string;
  required?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={must ? [{ required: true, message: `请填写${label}` }] : []}>
      <Input type="datetime-local" />
    </Form.Item>
  );
}

export function NumberField(props: { name: string; label: string; required?: boolean; min?: number }) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={props.required ? [{ required: true, message: `请填写${props.label}` }] : []}
    >
      <InputNumber min={props.min ?? 0} style={{ width: 200 }} />
    </Form.Item>
  );
}

export function Choice(props: {
  name: string;
  label: string;
  options: { value: string | boolean; label: string }[];
  required?: boolean;
  initial?: string | boolean;
}) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      initialValue={props.initial}
      rules={props.required ? [{ required: true, message: `请选择${props.label}` }] : []}
    >
      <Radio.Group options={props.options} />
    </Form.Item>
  );
}

export const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** A person from the park's directory (GET /staff), narrowed to some roles when given. */
export function StaffField(props: {
  name: string;
  label: string;
  staff: StaffEntry[];
  roles?: readonly string[];
  required?: boolean;
}) {
  const people = props.roles
    ? props.staff.filter((s) => s.roles.some((r) => props.roles?.includes(r)))
    : props.staff;
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={props.required ? [{ required: true, message: `请选择${props.label}` }] : []}
    >
      <Select
        allowClear={!props.required}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={props.label}
        options={people.map((s) => ({
          value: s.id,
          label: `${s.name}(${DEPARTMENT[s.department] ?? s.department})`,
        }))}
      />
    </Form.Item>
  );
}

export function DepartmentField({
  name,
  label,
  required: must,
}: {
  name: string;
  label: string;
  required?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={must ? [{ required: true, message: `请选择${label}` }] : []}>
      <Select
        aria-label={label}
        allowClear={!must}
        options={Object.entries(DEPARTMENT).map(([value, l]) => ({ value, label: l }))}
      />
    </Form.Item>
  );
}
