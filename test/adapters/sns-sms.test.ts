import {
  InternalErrorException,
  InvalidParameterException,
  OptedOutException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SmsTextInvalid, SmsUndeliverable, SnsSms } from '../../shared/adapters/aws/sns-sms';

const sns = mockClient(SNSClient);
const SIGNATURE = '【翠湖物业】';

function sms(senderId?: string): SnsSms {
  return new SnsSms({ client: new SNSClient({ region: 'cn-north-1' }), signature: SIGNATURE, senderId });
}

function publishInputs() {
  return sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
}

beforeEach(() => {
  sns.reset();
});

describe('SnsSms.send', () => {
  it('publishes one transactional SMS to the number and returns the message id', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'msg-1' });

    // Act
    const result = await sms().send({
      to: '+8613800000001',
      text: `${SIGNATURE}您的报修单R20261127-003已受理。`,
      ticketId: '01JDQ3V5W6X7Y8Z9A0B1C2D3E4',
    });

    // Assess
    expect(result).toEqual({ messageId: 'msg-1' });
    expect(publishInputs()).toEqual([
      {
        PhoneNumber: '+8613800000001',
        Message: `${SIGNATURE}您的报修单R20261127-003已受理。`,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      },
    ]);
  });

  it('prefixes the signature when the text does not start with it', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'msg-2' });

    await sms().send({ to: '+8613800000001', text: '维修师傅将于15:00上门。' });

    expect(publishInputs()[0]?.Message).toBe(`${SIGNATURE}维修师傅将于15:00上门。`);
  });

  it('adds the sender ID attribute only when one is configured', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'msg-3' });

    await sms('CUIHU').send({ to: '+8613800000001', text: `${SIGNATURE}测试` });

    expect(publishInputs()[0]?.MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'CUIHU' },
    });
  });

  it.each([
    ['a bare mobile without country code', '13800000001'],
    ['a number with spaces', '+86 138 0000 0001'],
    ['a number with a leading zero country code', '+0861380000000'],
    ['too short a number', '+86123'],
    ['an empty string', ''],
  ])('refuses %s with SmsUndeliverable and publishes nothing', async (_case, to) => {
    const sending = sms().send({ to, text: `${SIGNATURE}测试` });

    await expect(sending).rejects.toBeInstanceOf(SmsUndeliverable);
    await expect(sending).rejects.toMatchObject({ name: 'SmsUndeliverable', code: 'SMS.UNDELIVERABLE' });
    expect(publishInputs()).toHaveLength(0);
  });

  it('keeps the refused number out of the error message', async () => {
    await expect(sms().send({ to: '13800000001', text: '测试' })).rejects.toSatisfy(
      (error: Error) => !error.message.includes('13800000001'),
    );
  });

  it('maps an opted-out number to SmsUndeliverable with the SNS error as cause', async () => {
    // Prepare
    const optedOut = new OptedOutException({ message: 'Phone number is opted out', $metadata: {} });
    sns.on(PublishCommand).rejects(optedOut);

    // Act
    const sending = sms().send({ to: '+8613800000001', text: `${SIGNATURE}测试` });

    // Assess
    await expect(sending).rejects.toBeInstanceOf(SmsUndeliverable);
    await expect(sending).rejects.toMatchObject({ code: 'SMS.UNDELIVERABLE', cause: optedOut });
    expect(publishInputs()).toHaveLength(1);
  });

  it('maps an invalid parameter (number SNS cannot reach) to SmsUndeliverable', async () => {
    sns
      .on(PublishCommand)
      .rejects(new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber', $metadata: {} }));

    await expect(sms().send({ to: '+8613800000001', text: '测试' })).rejects.toBeInstanceOf(SmsUndeliverable);
  });

  it('maps InvalidParameterValueException by name to SmsUndeliverable', async () => {
    sns
      .on(PublishCommand)
      .rejects(
        Object.assign(new Error('Invalid parameter value'), { name: 'InvalidParameterValueException' }),
      );

    await expect(sms().send({ to: '+8613800000001', text: '测试' })).rejects.toBeInstanceOf(SmsUndeliverable);
  });

  it.each([
    ['throttling', () => new ThrottledException({ message: 'Rate exceeded', $metadata: {} })],
    ['an internal error', () => new InternalErrorException({ message: 'Internal error', $metadata: {} })],
  ])('lets %s propagate unchanged so the caller retries', async (_case, makeError) => {
    const error = makeError();
    sns.on(PublishCommand).rejects(error);

    await expect(sms().send({ to: '+8613800000001', text: '测试' })).rejects.toBe(error);
  });

  it('issue 9 point 5: refuses text holding half a character (a lone surrogate) before calling SNS', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'never' });

    const sending = sms().send({
      to: '+8613800000001',
      text: `${SIGNATURE}紧急E20261128-001火警:车库B区冒烟\ud83d`,
      ticketId: '01JDQ3V5W6X7Y8Z9A0B1C2D3E4',
    });

    await expect(sending).rejects.toBeInstanceOf(SmsTextInvalid);
    await expect(sending).rejects.toMatchObject({
      code: 'SMS.TEXT_INVALID',
      message: expect.stringContaining('ticket 01JDQ3V5W6X7Y8Z9A0B1C2D3E4'),
    });
    expect(publishInputs()).toEqual([]);
  });
});
