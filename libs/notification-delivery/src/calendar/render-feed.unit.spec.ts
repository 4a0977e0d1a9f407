import * as nodeIcal from 'node-ical';
import { renderFeed } from './render-feed';

describe('renderFeed', () => {
  it('given PUBLIC_URL, then each event links to the web app deep link /app/assignments/<planId>.<assignmentId>', () => {
    const text = renderFeed('planledger school-a', [
      { planId: 'lianyun', planTitle: '计划', timeZone: 'Asia/Shanghai', assignmentId: 'm1.school-a.once', title: '制定实施方案', departmentId: 'school-a', dueAt: '2022-01-17T15:59:59.999Z', remindDaysBefore: [7] },
    ], 'https://plans.example.edu.cn/');
    const [event] = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
    const url = event.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe('https://plans.example.edu.cn/app/assignments/lianyun.m1.school-a.once');
  });
});
