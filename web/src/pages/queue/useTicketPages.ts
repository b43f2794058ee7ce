/**
 * The queue's tickets, page after page (GET /tickets' `cursor`, ADR 020): a page may be short, even
 * empty, and still carry a cursor, so a read follows cursors until it has the tickets it wanted or
 * the list ends. Beside the list asked for, its overdue tickets are read too (`overdue=true`, the
 * same filters): overdue ones come first even when they are older than the pages loaded so far.
 *
 * The refresh every 15 s re-reads from the start as many tickets as are loaded and swaps them in
 * at once: no spinner, no loaded page lost, the table's page kept. A reply to an older filter (or
 * a refresh overtaken by 加载更多) is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorText, type Ticket, type TicketsQuery } from '../../api/client';
import { byUrgency } from '../../owing';
import { overdueQuery } from './filters';

/** The API's largest page, and what the queue loads at first and per 加载更多. */
export const PAGE = 100;
/** Cursors followed per read at most (a page is cut by the API's read budget, not only by `limit`). */
const MAX_REQUESTS = 20;
export const REFRESH_MS = 15_000;

interface Stream {
  tickets: Ticket[];
  cursor?: string;
}

const EMPTY: Stream = { tickets: [] };

async function read(query: TicketsQuery, cursor: string | undefined, want: number): Promise<Stream> {
  const tickets: Ticket[] = [];
  let next = cursor;
  for (let requests = 0; requests < MAX_REQUESTS; requests++) {
    const { data, error } = await api.GET('/tickets', {
      params: { query: { ...query, limit: PAGE, ...(next ? { cursor: next } : {}) } },
    });
    // The route also answers CSV (format=csv); asked without it, the answer is the JSON page.
    if (error || !data || typeof data === 'string') throw new Error(errorText(error));
    tickets.push(...data.tickets);
    next = data.cursor;
    if (!next || tickets.length >= want) break;
  }
  return { tickets, ...(next ? { cursor: next } : {}) };
}

/** Both streams, read at once; `from` the cursors to go on from (undefined: from the start). */
async function readBoth(
  query: TicketsQuery,
  from: { main?: string; overdue?: string } | undefined,
  want: number,
) {
  const late = overdueQuery(query);
  const [main, overdue] = await Promise.all([
    read(query, from?.main, want),
    late && (!from || from.overdue) ? read(late, from?.overdue, want) : Promise.resolve(EMPTY),
  ]);
  return { main, overdue };
}

/** A first read started before the queue's first render, taken by the first read of the same query. */
let early: { key: string; at: number; read: ReturnType<typeof readBoth> } | undefined;
const EARLY_FOR_MS = 5_000;

/**
 * Starts the first read of `query` now (the queue's chunk calls it as it loads): the request goes
 * out while antd renders the page for the first time, which on a slow machine takes as long.
 */
export function prefetch(query: TicketsQuery): void {
  const read = readBoth(query, undefined, PAGE);
  read.catch(() => undefined); // its taker reports a failure; nobody may take it at all
  early = { key: JSON.stringify(query), at: Date.now(), read };
}

function firstRead(query: TicketsQuery, key: string) {
  const taken = early;
  early = undefined;
  if (taken && taken.key === key && Date.now() - taken.at < EARLY_FOR_MS) return taken.read;
  return readBoth(query, undefined, PAGE);
}

export interface TicketPages {
  /** Everything loaded, once each, overdue first (then what is due soonest). */
  tickets: Ticket[] | undefined;
  error: string | undefined;
  /** More to load (the main list's cursor). */
  more: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** Reads again what is loaded; `auto` (the 15 s timer) skips a filter the API refused. */
  refresh(auto?: 'auto'): void;
  /** When the last read arrived (the browser's clock). */
  loadedAt: Date | undefined;
  /** Reads landed so far (a test waits for the next one). */
  reads: number;
}

export function useTicketPages(query: TicketsQuery): TicketPages {
  const [main, setMain] = useState<Stream>();
  const [overdue, setOverdue] = useState<Stream>(EMPTY);
  const [error, setError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadedAt, setLoadedAt] = useState<Date>();
  const [reads, setReads] = useState(0);
  // Which read may still land: every new read takes a number; a reply for an older one is dropped.
  const latest = useRef(0);
  const busy = useRef(false);
  // The API refused this filter (a 400 in its words): asking again every 15 s would be refused again.
  const refused = useRef(false);
  const key = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the query's value; the object is new each render
  const stable = useMemo(() => query, [key]);
  const state = useRef({ main, overdue });
  state.current = { main, overdue };

  const land = useCallback((n: number, next: { main: Stream; overdue: Stream } | Error) => {
    if (n !== latest.current) return false;
    if (next instanceof Error) setError(next.message);
    else {
      setError(undefined);
      setMain(next.main);
      setOverdue(next.overdue);
    }
    setLoadedAt(new Date());
    setReads((r) => r + 1);
    return true;
  }, []);

  // A new filter: from the start, the old rows cleared (they answer another question).
  useEffect(() => {
    const n = ++latest.current;
    setMain(undefined);
    setOverdue(EMPTY);
    setError(undefined);
    busy.current = true;
    refused.current = false;
    firstRead(stable, JSON.stringify(stable))
      .then(
        (next) => land(n, next),
        (e: Error) => {
          if (!land(n, e)) return;
          setMain(EMPTY);
          refused.current = true;
        },
      )
      .finally(() => {
        if (n === latest.current) busy.current = false;
      });
  }, [stable, land]);

  const refresh = useCallback(
    (auto?: 'auto') => {
      if (busy.current) return; // a first read or 加载更多 is on its way: it brings fresh rows itself
      if (auto && refused.current) return;
      const loaded = state.current;
      const n = ++latest.current;
      busy.current = true;
      readBoth(stable, undefined, Math.max(PAGE, loaded.main?.tickets.length ?? 0))
        // A failed refresh keeps the rows shown and says why.
        .then(
          (next) => land(n, next),
          (e: Error) => land(n, e),
        )
        .finally(() => {
          if (n === latest.current) busy.current = false;
        });
    },
    [stable, land],
  );

  const loadMore = useCallback(() => {
    const loaded = state.current;
    if (!loaded.main?.cursor) return;
    const n = ++latest.current; // overtakes a refresh on its way
    busy.current = true;
    setLoadingMore(true);
    const from = {
      main: loaded.main.cursor,
      ...(loaded.overdue.cursor ? { overdue: loaded.overdue.cursor } : {}),
    };
    readBoth(stable, from, PAGE)
      .then(
        (next) =>
          land(n, {
            main: {
              tickets: [...(loaded.main?.tickets ?? []), ...next.main.tickets],
              ...cursorOf(next.main),
            },
            overdue: {
              tickets: [...loaded.overdue.tickets, ...next.overdue.tickets],
              ...cursorOf(next.overdue),
            },
          }),
        (e: Error) => land(n, e),
      )
      .finally(() => {
        if (n === latest.current) busy.current = false;
        setLoadingMore(false);
      });
  }, [stable, land]);

  useEffect(() => {
    const timer = window.setInterval(() => refresh('auto'), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const tickets = useMemo(() => {
    if (!main) return undefined;
    const seen = new Map<string, Ticket>();
    // The main list's copy wins when a ticket is in both (the same read, either is current).
    for (const t of [...overdue.tickets, ...main.tickets]) seen.set(t.id, t);
    return [...seen.values()].sort(byUrgency);
  }, [main, overdue]);

  return { tickets, error, more: Boolean(main?.cursor), loadingMore, loadMore, refresh, loadedAt, reads };
}

function cursorOf(stream: Stream): { cursor?: string } {
  return stream.cursor ? { cursor: stream.cursor } : {};
}
