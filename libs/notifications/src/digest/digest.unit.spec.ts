import type { NotificationFacts } from '../notification';
import { nextDigestAt } from './digest-schedule';
import { renderDigest } from './render-digest';

const SHANGHAI = { time: '08:30', zone: 'Asia/Shanghai' };

describe('nextDigestAt (working days per the holiday calendar)', () => {
  it('given an event before the digest time on a working day, then the same morning', () => {
    // Tuesday 2026-12-08 07:00 Shanghai
    expect(nextDigestAt('2026-12-07T23:00:00.000Z', SHANGHAI)).toBe('2026-12-08T00:30:00.000Z');
  });

  it('given an event after the digest time on a Friday, then Monday morning', () => {
    // Friday 2026-12-04 10:00 Shanghai → Monday 2026-12-07 08:30
    expect(nextDigestAt('2026-12-04T02:00:00.000Z', SHANGHAI)).toBe('2026-12-07T00:30:00.000Z');
  });

  it('given the National Day holiday, then the first working day after it', () => {
    // 2025-10-01…08 are days off; 2025-10-09 (Thursday) is the first working day.
    expect(nextDigestAt('2025-09-30T12:00:00.000Z', SHANGHAI)).toBe('2025-10-09T00:30:00.000Z');
  });

  it('given a make-up working Saturday (调休), then it counts as a working day', () => {
    // Sunday 2025-09-28 is a make-up working day for National Day 2025.
    expect(nextDigestAt('2025-09-27T12:00:00.000Z', SHANGHAI)).toBe('2025-09-28T00:30:00.000Z');
  });

  it('given exactly the digest moment, then that moment', () => {
    expect(nextDigestAt('2026-12-08T00:30:00.000Z', SHANGHAI)).toBe('2026-12-08T00:30:00.000Z');
  });

  it('refuses a malformed time', () => {
    expect(() => nextDigestAt('2026-12-08T00:30:00.000Z', { time: '8:30', zone: 'Asia/Shanghai' })).toThrow(/HH:mm/);
  });
});

describe('renderDigest', () => {
  const item = (over: Partial<NotificationFacts>): NotificationFacts => ({
    kind: 'reminder-due', planId: 'p', planTitle: '计划', timeZone: 'Asia/Shanghai', at: '2026-12-07T00:00:00.000Z', recipientId: 's', recipientName: '学校',
    assignmentId: 'a1', title: '任务一', dueAt: '2026-12-14T15:59:59.999Z', daysBefore: 7, ...over,
  });
  it('given two items, then one message 每日待办汇总 with the day, a numbered line each and links', () => {
    const m = renderDigest([item({}), item({ kind: 'overdue', assignmentId: 'a2', title: '任务二' })], { locale: 'zh-CN', at: '2026-12-08T00:30:00.000Z', zone: 'Asia/Shanghai', publicUrl: 'https://x.example' });
    expect(m.title).toBe('每日待办汇总 2026年12月8日（星期二）');
    expect(m.text.split('\n')).toEqual([
      '每日待办汇总 2026年12月8日（星期二）', '共2条：',
      '1. 【到期提醒】任务一 — 「任务一」距截止还有7天。 https://x.example/app/assignments/p.a1',
      '2. 【已逾期】任务二 — 「任务二」已超过截止时间，请尽快办理并提交。 https://x.example/app/assignments/p.a2',
      '打开待办：https://x.example/app/inbox',
    ]);
  });
});
