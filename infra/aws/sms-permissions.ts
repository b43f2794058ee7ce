/**
 * What a function that sends SMS may publish. SNS authorises a Publish straight to a phone number
 * against the resource "*" (a phone number has no ARN), so the Allow cannot be narrowed; the
 * explicit Deny on every topic ARN keeps that Allow from reaching any topic, in this account or
 * another (a misused or compromised function cannot fan messages out through a topic).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Every SNS topic in every region and account of the stack's partition. */
export function everyTopicArn(stack: Stack): string {
  return `arn:${stack.partition}:sns:*:*:*`;
}

/** Lets `role` text phone numbers through SNS, and nothing else through SNS. */
export function allowSmsToPhoneNumbersOnly(role: iam.Role): void {
  role.addToPolicy(new iam.PolicyStatement({ sid: 'SendSms', actions: ['sns:Publish'], resources: ['*'] }));
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'NoPublishToTopics',
      effect: iam.Effect.DENY,
      actions: ['sns:Publish'],
      resources: [everyTopicArn(Stack.of(role))],
    }),
  );
}
