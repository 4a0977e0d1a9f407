import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePlan } from './prepare-plan';

// The service sends the deployer's PLANLEDGER_HOLIDAYS_FILE days with every upload (ADR 0021).
const basics = readFileSync(join(__dirname, '../../../../workflows/examples/basics.yaml'), 'utf8');
const dueDates = (prepared: ReturnType<typeof preparePlan>): string[] =>
  prepared.ok ? prepared.schedule.obligations.filter((o) => o.measureId === 'yearly-report').map((o) => o.dueAt.slice(0, 10)) : [];

describe('preparePlan with the deployer holiday days', () => {
  it('given no file, 1 July 2024 is a working day; given a file making it a holiday, the report is due on 2 July', () => {
    expect(dueDates(preparePlan({ text: basics, fileName: 'basics.yaml' }))).toEqual(['2024-07-01', '2024-07-01']);
    const holidayFile = { file: '/etc/holidays.yaml', days: [{ date: '2024-07-01', kind: 'holiday' as const, name: '测试假日' }] };
    const prepared = preparePlan({ text: basics, fileName: 'basics.yaml', holidayFile });
    expect(dueDates(prepared)).toEqual(['2024-07-02', '2024-07-02']);
    expect(prepared.ok && prepared.schedule.holidayCalendar?.name).toMatch(/chinese-days 1\.5\.7, with \/etc\/holidays\.yaml$/);
  });
});
