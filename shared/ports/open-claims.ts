/**
 * Something only one OPEN ticket may hold at a time (MI: one move-in case per unit, ADR 014): an
 * index-like item written in the new ticket's own transaction and released in the transaction of
 * the event that ends it. Not a record (CH-11 is about events): releasing it updates it.
 */
export interface OpenClaim {
  /** What is held; the store knows how each is keyed (`MOVEIN#<park>#<unit>`). */
  type: 'move-in-unit';
  parkId: string;
  /** Already folded by the caller (e.g. the unit as `unitKey` folds it). */
  value: string;
}

/** The ticket holding a claim. */
export interface ClaimHolder {
  ticketId: string;
  number?: string;
}

export interface OpenClaims {
  /** The open ticket holding `claim`, if one does (one GetItem, strongly consistent). */
  claimHolder(claim: OpenClaim): Promise<ClaimHolder | undefined>;
}
