/** 钥匙: the key ledger: sets in and out, overdue returns. */
import { Typography } from 'antd';

export default function Keys() {
  return (
    <Typography.Title level={1} style={{ fontSize: 24 }}>
      钥匙
    </Typography.Title>
  );
}
