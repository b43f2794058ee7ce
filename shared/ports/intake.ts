/** What an intake keeps under its Idempotency-Key: the answer a copy of the request gets again. */
export interface IntakeAnswer {
  parkId: string;
  /** Who sent it: a key is scoped to the park and the sender. */
  staffId: string;
  key: string;
  /** SHA-256 of the request as parsed: the same key with another request is refused (422). */
  requestHash: string;
  ticketId: string;
  status: number;
  /** The response body exactly as it was first sent. */
  body: string;
  at: string;
  /** Kept at least until then; the table's time to live deletes it some time after. */
  expiresAt: string;
}
