/**
 * One key set's custody, unfolded in the ledger (GET /keys/{id}, read when opened): every event in
 * order with who recorded it and what it says (to whom, on which slip, the loss's note), and the
 * SMS the set caused (an overdue return, a loss) — never a phone number, only who and what.
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { parkTime } from '../../time';
import { Loading } from '../../loading';

interface Entry {
  seq: number;
  at: string;
  type: string;
  by: string;
  data: Record<string, unknown>;
}
interface Sms {
  at: string;
  text: string;
  state?: string;
}

const HISTORY: Record<string, string> = {
  'key.registered': '登记入柜',
  'key.handed-out': '领出',
  'key.returned': '归还',
  'key.reported-lost': '报失',
  'key.released': '交业主',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What an event adds to its line: the holder and slip, a late return, the loss's note, the owner. */
function detail(e: Entry): string {
  const d = e.data;
  switch (e.type) {
    case 'key.handed-out':
      return `${str(d.name)},领用单 ${str(d.ticketNumber)},应还 ${parkTime(str(d.dueAt))}`;
    case 'key.returned':
      return `${str(d.receivedByName)}收回${d.late === true ? '(逾期)' : ''}`;
    case 'key.reported-lost':
      return str(d.note);
    case 'key.released':
      return `业主 ${str(d.ownerName)}`;
    default:
      return '';
  }
}

export function KeySetHistory({ id }: { id: string }) {
  const [entries, setEntries] = useState<Entry[]>();
  const [sms, setSms] = useState<Sms[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void api.GET('/keys/{id}', { params: { path: { id } } }).then(({ data, error: failed }) => {
      if (failed || !data) return setError(errorText(failed));
      const keySet = data.keySet as { history?: Entry[]; sms?: Sms[] };
      setEntries(Array.isArray(keySet.history) ? keySet.history : []);
      setSms(Array.isArray(keySet.sms) ? keySet.sms : []);
    });
  }, [id]);

  if (error) return <Alert type="error" role="alert" showIcon title={error} />;
  if (!entries) return <Loading />;
  return (
    <ul style={{ margin: 0 }} aria-label="钥匙经手记录">
      {entries.map((e) => (
        <li key={`e${e.seq}`}>
          {parkTime(e.at)} {HISTORY[e.type] ?? e.type}({e.by}){detail(e) ? `:${detail(e)}` : ''}
        </li>
      ))}
      {sms.map((m) => (
        <li key={`s${m.at}${m.text}`}>
          {parkTime(m.at)} 短信:{m.text}
        </li>
      ))}
    </ul>
  );
}
