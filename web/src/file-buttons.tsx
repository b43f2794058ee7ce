/**
 * The file buttons (导出CSV, 打印): each fetches with the session's token (files.ts) and shows the
 * API's words beside itself when refused. Used by 报表, the queue and the ticket page.
 */
import { Alert, Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { downloadFile, printPage } from './files';

/** A button that fetches a file with the session's token (CSV or print), its refusal shown beside it. */
export function FileButton(props: {
  children: ReactNode;
  run: () => Promise<void>;
  type?: 'primary' | 'default';
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Space>
      <Button
        type={props.type ?? 'default'}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          props
            .run()
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        {props.children}
      </Button>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
    </Space>
  );
}

/** 导出CSV of `path` with the current filters (`query`), e.g. the queue's. */
export function ExportCsvButton(props: {
  path: string;
  query: Record<string, string | number | boolean | undefined>;
  fileName: string;
}) {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [key, value] of Object.entries(props.query)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  return <FileButton run={() => downloadFile(`${props.path}?${params}`, props.fileName)}>导出CSV</FileButton>;
}

/** 打印 of a printable page (`format=html`, or a ticket's form). */
export function PrintButton({ path, children = '打印' }: { path: string; children?: ReactNode }) {
  return <FileButton run={() => printPage(path)}>{children}</FileButton>;
}

/**
 * The ticket page's 打印: the kind's own form (a repair's 《报修派工单》, a complaint's 《投诉、维修呈报单》
 * …) and, for a complaint, its 《投诉处置记录表》 (`?form=record`).
 */
export function TicketPrintButtons({ id, kind }: { id: string; kind: string }) {
  const path = `/tickets/${encodeURIComponent(id)}/print`;
  return (
    <Space wrap>
      <PrintButton path={path} />
      {kind === 'complaint' ? <PrintButton path={`${path}?form=record`}>打印处置记录表</PrintButton> : null}
    </Space>
  );
}
