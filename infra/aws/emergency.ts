/**
 * Emergency links on AWS: the key that signs the personal links in emergency SMS, granted to the
 * functions that sign them (effects, and the reconciler when it re-sends one) and check them (the
 * `/ack/{token}` page and its form), and the public base URL the links point at.
 *
 * The key is an SSM Parameter Store SecureString the operator creates once (never in the repo, never
 * in an environment variable, never in the template):
 *   aws ssm put-parameter --type SecureString --name /estate-desk/ack-link-key --value "$(openssl rand -hex 32)"
 * The functions get only its name and may read only it. Rotating it (put-parameter --overwrite)
 * takes effect within five minutes and voids the links already sent.
 *
 * CDK context (all optional):
 * - `ackLinkKeyParameter`: the parameter's name (default `/estate-desk/ack-link-key`);
 * - `ackLinkKeyKmsKeyArn`: its customer managed key, when not `aws/ssm`;
 * - `publicBaseUrl`: where the links point, when not the API's own URL (a custom domain).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { HTTP_ROUTES } from '../routes';
import { ENV } from '../../shared/config';
import { ACK_LINK_PATH } from '../../shared/domain/ack-link';
import type { ServiceFunction } from './service-function';
import { contextString } from './context';

export const EMERGENCY_CONTEXT = {
  ackLinkKeyParameter: 'ackLinkKeyParameter',
  ackLinkKeyKmsKeyArn: 'ackLinkKeyKmsKeyArn',
  publicBaseUrl: 'publicBaseUrl',
} as const;

export const DEFAULT_ACK_LINK_KEY_PARAMETER = '/estate-desk/ack-link-key';

/** The HTTP handlers behind the link page (`/ack/{token}`): they check links. */
export const ACK_LINK_HANDLERS = [
  ...new Set(HTTP_ROUTES.filter((r) => r.path.startsWith(ACK_LINK_PATH)).map((r) => r.handler)),
];

export interface EmergencyLinksProps {
  /** The stream consumer: it signs the links as it sends the SMS. */
  effects: ServiceFunction;
  /** Functions that send an SMS again (the reconciler): they sign its link anew. */
  resenders?: ServiceFunction[];
  /** Every HTTP function by handler file; the link page's are picked out of it. */
  httpFunctions: ReadonlyMap<string, ServiceFunction>;
  /** The API's base URL (where the links point unless `publicBaseUrl` says otherwise). */
  apiUrl: string;
}

export class EmergencyLinks extends Construct {
  readonly keyParameterName: string;
  readonly publicBaseUrl: string;
  /** The functions that may read the key: effects first, the re-senders, then the link page's. */
  readonly readers: ServiceFunction[];

  constructor(scope: Construct, id: string, props: EmergencyLinksProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.keyParameterName =
      contextString(this, EMERGENCY_CONTEXT.ackLinkKeyParameter) ?? DEFAULT_ACK_LINK_KEY_PARAMETER;
    this.publicBaseUrl = contextString(this, EMERGENCY_CONTEXT.publicBaseUrl) ?? props.apiUrl;
    const pages = ACK_LINK_HANDLERS.map((handler) => {
      const fn = props.httpFunctions.get(handler);
      if (!fn) throw new Error(`no function for the link handler ${handler}`);
      return fn;
    });
    this.readers = [props.effects, ...(props.resenders ?? []), ...pages];
    const keyArn = contextString(this, EMERGENCY_CONTEXT.ackLinkKeyKmsKeyArn);
    const parameterArn = stack.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: this.keyParameterName.replace(/^\//, ''),
    });
    for (const reader of this.readers) {
      // The parameter's name only: the key is read at run time and kept in memory.
      reader.fn.addEnvironment(ENV.ackLinkKeyParameter, this.keyParameterName);
      reader.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'ReadAckLinkKey',
          actions: ['ssm:GetParameter'],
          resources: [parameterArn],
        }),
      );
      if (keyArn) {
        reader.role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'DecryptAckLinkKey',
            actions: ['kms:Decrypt'],
            resources: [keyArn],
            conditions: { StringEquals: { 'kms:ViaService': `ssm.${stack.region}.amazonaws.com` } },
          }),
        );
      }
    }
    // Only the sender needs to know where the links point; the page answers relative to itself.
    props.effects.fn.addEnvironment(ENV.publicBaseUrl, this.publicBaseUrl);
  }
}
