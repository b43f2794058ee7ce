/**
 * 报表: the weekly review (/records/weekly), the monthly summary (/records/monthly) and the work log
 * (/records/work-log), each its own chunk (the monthly one carries ECharts, loaded only there);
 * /records lists them as links, reachable with Tab and opened with Enter.
 */
import { Card, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { followLink, usePath } from '../../router';
import { RECORD_PAGES, RecordsNav } from './shared';
import { Loading } from '../../loading';

const Weekly = lazy(() => import('./Weekly'));
const Monthly = lazy(() => import('./Monthly'));
const WorkLog = lazy(() => import('./WorkLog'));

function Index() {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        报表
      </Typography.Title>
      <Space wrap align="start">
        {RECORD_PAGES.map((p) => (
          <Card key={p.path} size="small" style={{ width: 300 }}>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              <a href={p.path} onClick={followLink}>
                {p.label}
              </a>
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{p.about}</Typography.Paragraph>
          </Card>
        ))}
      </Space>
    </Space>
  );
}

export default function Records() {
  const path = usePath();
  const page =
    path === '/records/weekly' ? (
      <Weekly />
    ) : path === '/records/monthly' ? (
      <Monthly />
    ) : path === '/records/work-log' ? (
      <WorkLog />
    ) : (
      <Index />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <RecordsNav current={path} />
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Space>
  );
}
