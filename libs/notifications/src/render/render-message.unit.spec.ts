import type { NotificationFacts } from '../notification';
import { formatDue } from './format-instant';
import { renderMessage } from './render-message';

const facts = (over: Partial<NotificationFacts> = {}): NotificationFacts => ({
  kind: 'reminder-due', planId: 'lianyun', planTitle: '质量提升三年行动计划', timeZone: 'Asia/Shanghai', at: '2022-01-10T00:00:00.000Z',
  recipientId: 'school-a', recipientName: '甲小学', assignmentId: 'm1.school-a.once', title: '制定实施方案', holderId: 'school-a', holderName: '甲小学',
  dueAt: '2022-01-17T15:59:59.999Z', daysBefore: 7, ...over,
});

describe('formatDue', () => {
  it('writes the due date in the plan zone with its weekday (UTC 15:59 on the 17th is 23:59 Monday in Shanghai)', () => {
    expect(formatDue('2022-01-17T15:59:59.999Z', 'Asia/Shanghai', 'zh-CN')).toBe('2022年1月17日（星期一）23:59');
    expect(formatDue('2022-01-17T15:59:59.999Z', 'Asia/Shanghai', 'en')).toBe('Monday 17 January 2022, 23:59');
    // The same instant is still Monday in UTC, but a day earlier in a zone west of it.
    expect(formatDue('2022-01-17T03:00:00.000Z', 'America/New_York', 'en')).toBe('Sunday 16 January 2022, 22:00');
  });
});

describe('renderMessage', () => {
  it('given a reminder in Chinese with PUBLIC_URL, then title, due date with weekday and the web link', () => {
    const m = renderMessage(facts(), { locale: 'zh-CN', publicUrl: 'https://plans.example.edu.cn/' });
    expect(m.title).toBe('【到期提醒】制定实施方案');
    expect(m.text).toBe([
      '【到期提醒】制定实施方案', '「制定实施方案」距截止还有7天。', '截止时间：2022年1月17日（星期一）23:59', '计划：质量提升三年行动计划',
      '查看详情：https://plans.example.edu.cn/app/assignments/lianyun.m1.school-a.once',
    ].join('\n'));
    expect(m.markdown).toContain('### 【到期提醒】制定实施方案\n> 「制定实施方案」距截止还有7天。');
    expect(m.markdown).toContain('[查看详情](https://plans.example.edu.cn/app/assignments/lianyun.m1.school-a.once)');
  });

  it('given no PUBLIC_URL, then no link at all', () => {
    const m = renderMessage(facts(), { locale: 'zh-CN' });
    expect(m.text).not.toMatch(/http|查看详情/);
    expect(m.html).not.toContain('<a ');
  });

  it('given English, then an English message with the weekday', () => {
    const m = renderMessage(facts({ kind: 'returned', reason: 'attachment missing' }), { locale: 'en' });
    expect(m.title).toBe('Returned: 制定实施方案');
    expect(m.text).toContain('Reason: attachment missing');
    expect(m.text).toContain('Due: Monday 17 January 2022, 23:59');
  });

  it('given an escalation, then the receiver reads whose work, how late and which level', () => {
    const m = renderMessage(facts({ kind: 'escalated', recipientId: 'office', recipientName: '办公室', level: 2, daysOverdue: 10 }), { locale: 'zh-CN' });
    expect(m.text).toContain('甲小学的「制定实施方案」已逾期10天，已升级为第2级督办。');
  });

  it('escapes HTML in the e-mail part', () => {
    const m = renderMessage(facts({ title: '<script>x</script> & co' }), { locale: 'en', publicUrl: 'https://a.example' });
    expect(m.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('<a href="https://a.example/app/assignments/lianyun.m1.school-a.once">Open</a>');
  });

  it('renders every kind in both languages without empty placeholders', () => {
    const kinds = ['assignment-issued', 'reminder-due', 'overdue', 'escalated', 'submitted', 'returned', 'accepted', 'phase-opened', 'phase-closing', 'phase-closed', 'plan-published', 'plan-amended'] as const;
    for (const kind of kinds) for (const locale of ['zh-CN', 'en'] as const) {
      const m = renderMessage(facts({
        kind, phaseName: '动员阶段', closesAt: '2022-04-01T00:00:00.000Z', level: 1, daysOverdue: 3, reason: '原因', amendment: 1,
        items: [{ assignmentId: 'a', title: '任务', dueAt: '2022-03-01T00:00:00.000Z' }], itemCount: 3,
        changes: { added: [{ assignmentId: 'b', title: '新任务', dueAt: '2022-03-01T00:00:00.000Z' }], removed: [], redated: [] },
      }), { locale });
      expect(m.text).not.toMatch(/undefined|NaN|null/);
      expect(m.title.length).toBeGreaterThan(3);
    }
  });

  // Due 2022-01-17T15:59:59.999Z is 23:59 on Monday 17 January in Shanghai.
  it.each([
    ['assignment-issued', {}], ['reminder-due', {}], ['overdue', {}], ['escalated', { level: 1, daysOverdue: 3 }],
    ['submitted', {}], ['returned', { reason: '缺少附件' }], ['accepted', {}],
  ] as const)('given %s, then both languages carry the due date with its weekday and the web app deep link', (kind, extra) => {
    const link = 'https://plans.example.edu.cn/app/assignments/lianyun.m1.school-a.once';
    const zh = renderMessage(facts({ kind, ...extra }), { locale: 'zh-CN', publicUrl: 'https://plans.example.edu.cn/' });
    expect(zh.text).toContain('1月17日');
    expect(zh.text).toMatch(/周一|星期一/);
    expect(zh.text).toContain(`查看详情：${link}`);
    const en = renderMessage(facts({ kind, ...extra }), { locale: 'en', publicUrl: 'https://plans.example.edu.cn' });
    expect(en.text).toMatch(/Mon/);
    expect(en.text).toContain(`Open: ${link}`);
    // English apart from the names and the reason, which are the users' own words.
    expect(en.text.replace(/制定实施方案|质量提升三年行动计划|甲小学|缺少附件/g, '')).not.toMatch(/[\u4e00-\u9fff]/u);
    if (kind === 'returned') {
      expect(zh.text).toContain('缺少附件');
      expect(en.text).toContain('缺少附件');
    }
  });
});

describe('bulletin notices (通报)', () => {
  const bulletin = facts({
    kind: 'bulletin-issued', assignmentId: undefined, title: undefined, holderId: undefined, holderName: undefined, dueAt: undefined, daysBefore: undefined,
    bulletin: { number: '連區教督〔2022〕3号', title: '关于质量提升行动进展情况的通报', issuedOn: '2022-03-16', period: { kind: 'phase', phaseId: 'mobilise', phaseName: '动员部署阶段' }, file: '連區教督〔2022〕3号.docx' },
  });
  const link = `https://plans.example.edu.cn/plans/lianyun/bulletins/${encodeURIComponent('連區教督〔2022〕3号.docx')}`;

  it('names the bulletin, its number and period in Chinese, and links to its .docx in every channel shape', () => {
    const zh = renderMessage(bulletin, { locale: 'zh-CN', publicUrl: 'https://plans.example.edu.cn/' });
    expect(zh.title).toBe('【通报】关于质量提升行动进展情况的通报');
    expect(zh.text).toContain('甲小学：已印发連區教督〔2022〕3号《关于质量提升行动进展情况的通报》。');
    expect(zh.text).toContain('统计范围：动员部署阶段');
    expect(zh.text).toContain(`下载通报：${link}`);
    expect(zh.markdown).toContain(`[下载通报](${link})`);
    expect(zh.html).toContain(`<a href="${link}">下载通报</a>`);
  });

  it('in English for an English channel; a window reads as its dates, the whole plan as such', () => {
    const en = renderMessage({ ...bulletin, bulletin: { ...bulletin.bulletin!, period: { kind: 'window', from: '2022-02-28', to: '2022-03-06' } } }, { locale: 'en', publicUrl: 'https://plans.example.edu.cn' });
    expect(en.text).toContain('Period: 2022-02-28 to 2022-03-06');
    expect(en.text).toContain(`Download: ${link}`);
    const whole = renderMessage({ ...bulletin, bulletin: { ...bulletin.bulletin!, period: { kind: 'plan' } } }, { locale: 'zh-CN' });
    expect(whole.text).toContain('统计范围：计划全程');
    expect(whole.text).not.toContain('下载通报');
  });
});
