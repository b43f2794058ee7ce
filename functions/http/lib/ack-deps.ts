/** The SMS link pages' dependencies: the core ones plus the link key (SSM in AWS). */
import { ssmAckLinkKeys } from '../../../shared/adapters/aws/ack-link-keys';
import { awsCoreDeps } from '../../../shared/adapters/aws/core';
import { depsFrom } from '../../../shared/runtime';

export const ackDeps = depsFrom(() => ({ ...awsCoreDeps(), ackLinks: ssmAckLinkKeys() }));
