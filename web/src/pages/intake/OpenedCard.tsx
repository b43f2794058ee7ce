/**
 * The answer to a call, for every kind: the new number large (what the dispatcher reads out first),
 * the scripts the API words for reading back, what the kind adds (who was texted, the next step),
 * and the link to the ticket.
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Opened } from '../../api/client';
import { followLink } from '../../router';

export function OpenedCard({
  kindLabel,
  opened,
  onNext,
  children,
}: {
  kindLabel: string;
  opened: Opened;
  onNext: () => void;
  children?: ReactNode;
}) {
  const scripts = Object.entries(opened.script);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        来电登记 · {kindLabel}已受理
      </Typography.Title>
      <Typography.Paragraph>单号</Typography.Paragraph>
      <div data-testid="new-number" style={{ fontSize: 48, fontWeight: 700, letterSpacing: 2 }}>
        {opened.number}
      </div>
      {opened.duplicateOf ? (
        <Alert type="warning" showIcon title="同一来电30分钟内已报过,已并入原单" />
      ) : null}
      {scripts.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            请向来电人复述
          </Typography.Title>
          {scripts.map(([key, sentence]) => (
            <Typography.Paragraph key={key} style={{ fontSize: 18 }} data-testid={`script-${key}`}>
              {sentence}
            </Typography.Paragraph>
          ))}
        </>
      ) : null}
      {children}
      <Space>
        <a href={`/ticket/${encodeURIComponent(opened.id)}`} onClick={followLink}>
          查看工单 {opened.number}
        </a>
        <Button onClick={onNext}>登记下一个来电</Button>
      </Space>
    </Card>
  );
}
