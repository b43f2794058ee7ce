/**
 * The claims behind each short link token (ADR 012): stored when the SMS is sent, read when the
 * link is opened. The token is the claims' HMAC, so a stored record proves nothing by itself: the
 * link module checks that the claims sign to the token.
 */
import type { AckLinkPurpose } from '../domain/ack-link';

export interface StoredAckLink {
  ticketId: string;
  staffId: string;
  purpose: AckLinkPurpose;
  /** ISO instant. */
  expiresAt: string;
}

export interface AckLinkRecords {
  /** Stores the claims under their token; storing them again changes nothing. */
  saveAckLink(token: string, link: StoredAckLink): Promise<void>;
  /** The claims stored under `token`, if any (one GetItem). */
  ackLink(token: string): Promise<StoredAckLink | undefined>;
}
