/** 入住: move-in progress per unit. */
import { Typography } from 'antd';

export default function MoveIns() {
  return (
    <Typography.Title level={1} style={{ fontSize: 24 }}>
      入住
    </Typography.Title>
  );
}
