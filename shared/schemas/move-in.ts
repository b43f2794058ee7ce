/**
 * The move-in's request bodies (MI-1..MI-8): opening a case, and `record-step` with each step's own
 * data (the domain's move-in/steps.ts checks it against its rule). Built from the field types of
 * schemas/index.ts, which passes them in (no import back: no cycle).
 */
import * as z from 'zod/mini';
import { MAX_DEFECTS } from '../domain/move-in';

type Text = (max: number) => z.ZodMiniString<string>;
interface Fields {
  text: Text;
  time: z.ZodMiniType<string>;
  e164: z.ZodMiniType<string>;
  keyPlace: z.ZodMiniString<string>;
  keySetId: z.ZodMiniString<string>;
}

export function moveInBodies({ text, time, e164, keyPlace, keySetId }: Fields) {
  /** MI-1..MI-8: a move-in case for a unit and its owner. */
  const openMoveInBody = z.strictObject({
    kind: z.literal('move-in'),
    parkId: z.optional(text(64)),
    unit: keyPlace,
    /** Keep a unit the park's directory lacks (recorded on the opening event), as `caller.unitConfirmed`. */
    unitConfirmed: z.optional(z.boolean()),
    owner: z.strictObject({ name: text(50), phone: e164 }),
  });

  /** MI-4's yuan (a record, not a payment system), MI-8's readings, the names of forms and documents. */
  const [yuanAmount, reading] = [
    z.number().check(z.minimum(0), z.maximum(1e6)),
    z.number().check(z.minimum(0)),
  ];
  const names = (max: number) => z.array(text(40)).check(z.maxLength(max));

  /** MI-1..MI-8: one step and its own data (the domain's steps.ts checks each against its rule). */
  const recordStepBody = z.discriminatedUnion('step', [
    z.strictObject({
      step: z.literal('developer-confirmation'),
      confirmationNo: text(40),
      documents: names(20),
      note: z.optional(text(300)),
    }),
    z.strictObject({
      step: z.literal('registration'),
      idCopied: z.boolean(),
      forms: names(20),
      signed: z.record(
        text(40),
        z.strictObject({
          copies: z.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(10)),
          ownerKept: z.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(10)),
        }),
      ),
    }),
    z.strictObject({
      step: z.literal('items'),
      manuals: names(30),
      counted: z.record(
        text(20),
        z.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(50)),
      ),
      reasons: z.optional(z.record(text(20), text(300))),
    }),
    z.strictObject({
      step: z.literal('fees'),
      propertyFee: z.strictObject({
        months: z.number().check(z.int('must be a whole number')),
        amount: yuanAmount,
        receiptNo: text(40),
      }),
      tvFee: z.strictObject({ amount: yuanAmount, receiptNo: text(40) }),
    }),
    z.strictObject({
      step: z.literal('keys'),
      keyId: keySetId,
      guardId: text(64),
      slipNumber: text(40),
      ownerSigned: z.boolean(),
    }),
    z.strictObject({
      step: z.literal('inspection'),
      inspectorId: text(64),
      withOwner: z.boolean(),
      defects: z
        .array(z.strictObject({ location: text(50), description: text(300) }))
        .check(z.maxLength(MAX_DEFECTS, `at most ${MAX_DEFECTS} defects per inspection (MI-6)`)),
      copies: z.strictObject({ owner: z.boolean(), archive: z.boolean(), engineering: z.boolean() }),
    }),
    z.strictObject({
      step: z.literal('key-retention'),
      agreementNo: text(40),
      slipNo: text(40),
      label: text(50),
      count: z.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(50)),
      tag: text(20).check(z.regex(/^[^#]*$/, 'must not contain "#"')),
      signedAt: time,
    }),
    z.strictObject({
      step: z.literal('meters'),
      coldWater: reading,
      hotWater: reading,
      ownerSigned: z.boolean(),
    }),
  ]);
  return { openMoveInBody, recordStepBody };
}
