/**
 * 来电登记: one form per kind (intake/kinds.tsx), picked by what the caller says first; the answer
 * (intake/OpenedCard.tsx) shows the new number large and what the API words for reading back.
 */
import { Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { Opened } from '../api/client';
import { useDeskClock } from '../desk-clock';
import { useParkZone } from '../park';
import { INTAKE_KINDS, type IntakeKind } from './intake/kinds';
import { OpenedCard } from './intake/OpenedCard';
import { Loading } from '../loading';

const PARK = 'park-1';

export default function Intake() {
  const zone = useParkZone(PARK);
  const [kind, setKind] = useState<IntakeKind>('repair');
  // While a ticket is shown the form is unmounted: the next call starts from an empty one.
  const [opened, setOpened] = useState<Opened>();
  const { label, Form, Answer } = INTAKE_KINDS[kind];
  // The forms' time defaults are the desk's now: read before they are filled in.
  const clockRead = useDeskClock();

  if (opened) {
    return (
      <OpenedCard kindLabel={label} opened={opened} onNext={() => setOpened(undefined)}>
        {Answer ? <Answer opened={opened} /> : null}
      </OpenedCard>
    );
  }
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        来电登记 · {label}
      </Typography.Title>
      <Radio.Group
        aria-label="来电类型"
        optionType="button"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={Object.entries(INTAKE_KINDS).map(([value, k]) => ({ value, label: k.label }))}
        style={{ marginBottom: 16 }}
      />
      {clockRead ? <Form key={kind} zone={zone} onOpened={setOpened} /> : <Loading />}
    </Card>
  );
}
