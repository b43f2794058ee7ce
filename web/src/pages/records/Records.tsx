/** 报表: the weekly review, the monthly summary, the work log, CSV and print. */
import { Typography } from 'antd';

export default function Records() {
  return (
    <Typography.Title level={1} style={{ fontSize: 24 }}>
      报表
    </Typography.Title>
  );
}
