/**
 * The phone call tree (Twilio-style IVR), step by step. Each webhook is one step; what the call has
 * gathered so far travels in the next step's URL (Twilio signs the URL, so it cannot be altered).
 * Pure apart from the lookups it is handed (`CallFacts`); opening the ticket is left to the caller
 * of `callStep`, which gets back what to open and how to answer once it is open.
 */
export {
  CALL_KINDS,
  type CallerUnit,
  type CallFacts,
  type CallInput,
  type CallKind,
  type CallState,
  MAX_DESCRIPTION,
  MAX_PUT_THROUGH,
  MAX_SPEECH_TRIES,
  MAX_TRANSCRIPT,
  MAX_TRIES,
  type OpenRequest,
  type Opened,
  parseState,
  PHONE_EMERGENCY_CATEGORIES,
  type PhoneEmergencyCategory,
  PUT_THROUGH_SECONDS,
  stateQuery,
  stepUrl,
  TWILIO_STEPS,
  type TreeAnswer,
  type TreeContext,
  type TwilioStep,
} from './model';
export { callStep } from './steps';
export {
  categoryChoice,
  descriptionOf,
  MENU_HINTS,
  type MenuChoice,
  menuChoice,
  PROMPTS,
  spellNumber,
  spoken,
  unitPart,
} from './words';
