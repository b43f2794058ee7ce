/** RP-2 and RP-3 wording said to the resident, and RP-2's times that are not times. */
import { describe, expect, it } from 'vitest';
import { repairScript } from '../../../shared/domain/repair';
import { intake, open, TZ } from './driver';

describe('repairScript: RP-2 and RP-3 wording', () => {
  it('RP-2/RP-3: skill and hands: "我们马上派人去维修。", then content, place and wanted time, then the question', () => {
    expect(open().script).toEqual({
      decision: '我们马上派人去维修。',
      confirmation:
        '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月27日15:00。请问还有什么要求。',
    });
  });

  it('RP-2/RP-3: no hands: "对不起,我们暂时没有人。" with the agreed time, confirmed with that time', () => {
    expect(open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).script).toEqual({
      decision: '对不起,我们暂时没有人。我们约定11月28日10:00上门维修。',
      confirmation:
        '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月28日10:00。请问还有什么要求。',
    });
  });

  it('RP-2/RP-3: no skill: "对不起,我们没有此项服务。" with the explanation, then only the question', () => {
    expect(open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).script).toEqual({
      decision: '对不起,我们没有此项服务。此项需由燃气公司处理。',
      confirmation: '请问还有什么要求。',
    });
  });

  it('RP-4: the confirmation of a paid service tells the resident the fee', () => {
    const { script } = open({ paidService: { fee: 80, consent: true } });

    expect(script.confirmation).toBe(
      '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月27日15:00。' +
        '本项为特约有偿服务,费用80元。请问还有什么要求。',
    );
  });

  it('reads the time on the park clock: a UTC instant is told in Asia/Shanghai', () => {
    const script = repairScript(intake({ wantedAt: '2026-11-27T07:00:00Z' }), TZ);

    expect(script.confirmation).toContain('时间:11月27日15:00。');
  });

  it('the opening event keeps the script that was said', () => {
    const { event, script } = open();

    expect(event.type === 'repair.opened' && event.data.script).toEqual(script);
  });
});

describe('RP-2: times that are not times', () => {
  it('an appointmentAt that does not parse is a rule violation naming the field, not a crash', () => {
    expect(() => open({ decision: 'appointment', appointmentAt: 'tomorrow' })).toThrow(
      expect.objectContaining({ code: 'REPAIR.INVALID_TIME', field: 'appointmentAt' }),
    );
  });
});
