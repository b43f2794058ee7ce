/**
 * 登记钥匙 (KY-1; MI-7 with the owner's signed retention agreement): POST /keys from a form, for
 * security, the property office and management. A unit the park's directory lacks is refused
 * (UNIT.NOT_IN_DIRECTORY, with the nearest units); the form then offers to keep it as given.
 */
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import { type ApiError, api, errorText } from '../../api/client';
import { useParkZone } from '../../park';
import { fromLocalInput } from '../../time';

interface Values {
  placeKind: 'unit' | 'area';
  place: string;
  label: string;
  count: number;
  tag: string;
  retained?: boolean;
  agreementNo?: string;
  ownerName?: string;
  signedAt?: string;
  unitConfirmed?: boolean;
}

export function RegisterKeySet({ onRegistered }: { onRegistered: (tag: string) => void }) {
  const zone = useParkZone('park-1');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [unknownUnit, setUnknownUnit] = useState(false);
  const [busy, setBusy] = useState(false);
  const placeKind = Form.useWatch('placeKind', form);
  const retained = Form.useWatch('retained', form);

  async function submit(v: Values) {
    setBusy(true);
    const place = v.place.trim();
    const { data, error: failed } = await api.POST('/keys', {
      body: {
        ...(v.placeKind === 'unit' ? { unit: place } : { area: place }),
        ...(v.placeKind === 'unit' && v.unitConfirmed ? { unitConfirmed: true } : {}),
        label: v.label.trim(),
        count: v.count,
        tag: v.tag.trim(),
        ...(v.placeKind === 'unit' && v.retained && v.agreementNo && v.ownerName && v.signedAt
          ? {
              retention: {
                agreementNo: v.agreementNo.trim(),
                ownerName: v.ownerName.trim(),
                signedAt: fromLocalInput(v.signedAt, zone),
              },
            }
          : {}),
      },
    });
    setBusy(false);
    if (failed || !data) {
      setError(errorText(failed));
      setUnknownUnit((failed as Partial<ApiError> | undefined)?.error?.code === 'UNIT.NOT_IN_DIRECTORY');
      return;
    }
    setError(undefined);
    setUnknownUnit(false);
    form.resetFields();
    onRegistered(v.tag.trim());
  }

  return (
    <Card title="登记钥匙" size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ placeKind: 'unit', count: 1 }}
        onFinish={(v) => void submit(v)}
      >
        <Space wrap align="start">
          <Form.Item label="钥匙所属" name="placeKind">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'unit', label: '单元' },
                { value: 'area', label: '区域' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={placeKind === 'area' ? '区域(如 水泵房)' : '房号(如 3-2-1502)'}
            name="place"
            rules={[{ required: true, whitespace: true, message: '请填写房号或区域' }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            label="钥匙名称"
            name="label"
            rules={[{ required: true, whitespace: true, message: '请填写钥匙名称' }]}
          >
            <Input placeholder="入户门钥匙" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="数量" name="count" rules={[{ required: true, message: '请填写数量' }]}>
            <InputNumber min={1} max={50} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item
            label="钥匙牌号"
            name="tag"
            rules={[{ required: true, whitespace: true, message: '请填写钥匙牌号' }]}
          >
            <Input placeholder="K-0153" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        {placeKind !== 'area' ? (
          <Form.Item name="retained" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>业主留存钥匙(MI-7,已签《钥匙留存协议》)</Checkbox>
          </Form.Item>
        ) : null}
        {placeKind !== 'area' && retained ? (
          <Space wrap align="start">
            <Form.Item label="协议编号" name="agreementNo" rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label="业主姓名" name="ownerName" rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label="签署时间" name="signedAt" rules={[{ required: true }]}>
              <Input type="datetime-local" style={{ width: 200 }} />
            </Form.Item>
          </Space>
        ) : null}
        {unknownUnit && placeKind !== 'area' ? (
          <Form.Item name="unitConfirmed" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>房号不在目录中,已核实,按所填登记</Checkbox>
          </Form.Item>
        ) : null}
        {error ? (
          <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 8 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
