/** The SDK-computed Twilio signature vectors (copied from the handbook's testdata), typed. */
import fixture from '../fixtures/twilio-signatures.json';

export interface Vector {
  name: string;
  url: string;
  params: Record<string, string>;
  signature: string;
  signatureIfTwilioUsedPort443: string;
  validWhenSignedWithPort443: boolean;
  wrongTokenSignature: string;
}

export const vectors = fixture as unknown as {
  authToken: string;
  cases: Vector[];
  jsonBodyCase: { url: string; body: string; signature: string; valid: boolean };
};
