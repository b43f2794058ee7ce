/**
 * The caller's earlier tickets, looked up as the dispatcher types (GET /tickets?phone=… or ?unit=…,
 * the register's filters): "此号码近期工单 3 张" with a link to each, and an offer to fill the name
 * (and the unit, or the phone) from the latest one. Every intake form shows it under the caller's
 * fields. The phone filter is for the desk and management (the API refuses it to others), so other
 * readers look up by unit only; a number is asked for only once it can be a whole phone number, so
 * typing never provokes a refusal.
 */
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Ticket } from '../../api/client';
import { KIND, STATUS } from '../../labels';
import { followLink } from '../../router';
import { currentSession } from '../../session';
import { parkTime } from '../../time';

/** How long typing pauses before the lookup asks (one request per pause, not per key). */
export const LOOKUP_DEBOUNCE_MS = 400;
/** The earlier tickets listed (newest first). */
const SHOWN = 5;
/** Groups that may filter by phone (GET /tickets `phone`: 403 FILTER.PHONE_NOT_ALLOWED for others). */
const PHONE_READERS = ['dispatcher', 'manager', 'executive'];

/**
 * A whole mainland number as people type it (mobile, or a landline with its area code), with or
 * without +86/0086 and separators; in E.164-ish digits for the query. Anything shorter is still
 * being typed. The API checks it again; this only keeps half-typed numbers from being sent.
 */
export function wholePhone(typed: string | undefined): string | undefined {
  const digits = (typed ?? '').replace(/[\s\-().]/g, '').replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `+86${digits}`;
  if (/^0[1-9]\d{9,10}$/.test(digits)) return `+86${digits.slice(1)}`;
  return undefined;
}

/** A unit as the register writes it (3-2-1502): no `#`, at most 30 characters. */
function wholeUnit(typed: string | undefined): string | undefined {
  const unit = typed?.trim();
  return unit && unit.length >= 3 && unit.length <= 30 && !unit.includes('#') ? unit : undefined;
}

/** Who a ticket's contact is, whatever its kind (a key request's requester, a move-in's owner). */
export interface Contact {
  name?: string;
  phone?: string;
  unit?: string;
}

export function contactOf(ticket: Ticket): Contact {
  const person = (value: unknown) => (typeof value === 'object' && value !== null ? value : {}) as Contact;
  switch (ticket.kind) {
    case 'key': {
      const requester = person(ticket.requester);
      return { name: requester.name, phone: requester.phone, unit: person(ticket.key).unit };
    }
    case 'move-in': {
      const owner = person(ticket.owner);
      return { name: owner.name, phone: owner.phone, unit: ticket.unit as string | undefined };
    }
    default:
      return person(ticket.caller);
  }
}

interface Found {
  by: 'phone' | 'unit';
  tickets: Ticket[];
  more: boolean;
}

export function CallerLookup({
  phone,
  unit,
  onFill,
}: {
  phone?: string | undefined;
  unit?: string | undefined;
  /** Fills the form's caller fields from the latest ticket (only what it knows). */
  onFill: (contact: Contact) => void;
}) {
  const mayFilterPhone = (currentSession()?.groups ?? []).some((g) => PHONE_READERS.includes(g));
  const byPhone = mayFilterPhone ? wholePhone(phone) : undefined;
  const byUnit = wholeUnit(unit);
  const [found, setFound] = useState<Found>();

  useEffect(() => {
    // By phone first (the caller themself); a number new to the desk falls back to the unit's tickets.
    const queries = [
      ...(byPhone ? [{ by: 'phone' as const, filter: { phone: byPhone } }] : []),
      ...(byUnit ? [{ by: 'unit' as const, filter: { unit: byUnit } }] : []),
    ];
    if (queries.length === 0) return setFound(undefined);
    // The latest typing wins: an answer to an earlier pause is dropped.
    let current = true;
    const timer = window.setTimeout(async () => {
      for (const query of queries) {
        const { data } = await api.GET('/tickets', { params: { query: { ...query.filter, limit: 20 } } });
        if (!current) return;
        if (!data || typeof data === 'string') continue;
        if (data.tickets.length > 0 || query === queries[queries.length - 1]) {
          return setFound({ by: query.by, tickets: data.tickets, more: Boolean(data.cursor) });
        }
      }
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [byPhone, byUnit]);

  if (!found || found.tickets.length === 0) return null;
  const latest = contactOf(found.tickets[0] as Ticket);
  const fill: Contact = {
    ...(latest.name ? { name: latest.name } : {}),
    ...(found.by === 'phone' && latest.unit ? { unit: latest.unit } : {}),
    // A masked phone (138****0001) is no number to fill in.
    ...(found.by === 'unit' && latest.phone && !latest.phone.includes('*') ? { phone: latest.phone } : {}),
  };
  const what = found.by === 'phone' ? '此号码' : '此房号';
  return (
    <Alert
      type="info"
      role="status"
      data-testid="caller-lookup"
      style={{ marginBottom: 16 }}
      title={`${what}近期工单 ${found.tickets.length}${found.more ? '+' : ''} 张`}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {found.tickets.slice(0, SHOWN).map((t) => (
              <li key={t.id}>
                {/* Underlined: in a line of text a link must not be told by its colour alone. */}
                <a
                  href={`/ticket/${encodeURIComponent(t.id)}`}
                  onClick={followLink}
                  style={{ textDecoration: 'underline' }}
                >
                  {t.number ?? t.id}
                </a>{' '}
                {KIND[t.kind] ?? t.kind} · {STATUS[t.status] ?? t.status} · {parkTime(t.createdAt)}
                {contactOf(t).name ? ` · ${contactOf(t).name}` : ''}
              </li>
            ))}
          </ul>
          {Object.keys(fill).length > 0 ? (
            <Button size="small" onClick={() => onFill(fill)}>
              按最近一张填入:{[fill.name, fill.unit, fill.phone].filter(Boolean).join(' ')}
            </Button>
          ) : (
            <Typography.Text type="secondary">最近一张没有可填入的信息</Typography.Text>
          )}
        </Space>
      }
    />
  );
}
