/**
 * Amending a running plan's targets only (ADR 0023, amended 2026-12-06), through HTTP on the test
 * app: the county raises or lowers a target after a provincial notice, adds `measuredBy`, drops a
 * target. The preview says what happens to each target and which statuses are judged again; the
 * amendment records the same, and GET /plans/{id} shows the targets of the version in force.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { amendmentPreviewAnswer } from './preview/preview-schemas';

const TARGETS = readFileSync(join(__dirname, '../../../../workflows/examples/targets.yaml'), 'utf8');
const PLAN = 'example-targets';
/** 毛入园率: 88 % by 2023 and 90 % by 2024 become 85 % and 86 %; 2022's 86 % then already trends to it. */
const LOWERED = TARGETS.replace('value: 90\n    unit: "%"\n    milestones: { "2023": 88 }', 'value: 86\n    unit: "%"\n    milestones: { "2023": 85 }');
/** …and the 督导评估 target is dropped, and 新增学位 is reported by the bureau office every November. */
const RESHAPED = LOWERED
  .replace(/  - id: evaluation\n(    .*\n)+?    by: 2024-12-31\n/, '')
  .replace('    unit: 个\n    by: 2024-12-31\n', '    unit: 个\n    by: 2024-12-31\n    measuredBy: { by: bureau-office, due: "11-30" }\n');

let api: ApiTestApp;
let planner: Record<string, string>;
const eventCount = async () => Number((await api.storage.database.query<{ n: string }>('select count(*) as n from event_store_events'))[0].n);
/** GET /plans/{id} after the read models caught up (what the projection runner does continuously). */
const planNow = async () => {
  await api.project();
  const response = await call(api.url, 'GET', `/plans/${PLAN}`, { headers: planner });
  expect(response.status).toBe(200);
  return response.body as { targets: { targetId: string; status: string | null }[] };
};
const post = (path: string, text: string) => call(api.url, 'POST', path, { headers: planner, text, contentType: 'application/yaml' });

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  expect((await post('/plans', TARGETS)).status).toBe(201);
  expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: planner })).status).toBe(200);
  const measured = await call(api.url, 'POST', `/plans/${PLAN}/measurements`, { headers: planner, json: { targetId: 'enrolment', period: '2022', value: 86 } });
  expect(measured.status).toBe(200);
});
afterAll(async () => {
  await api?.close();
});

describe('amending targets only', () => {
  it('the preview names the target changed, its terms and the status judged again, and stores nothing', async () => {
    const before = await eventCount();
    const response = await post(`/plans/${PLAN}/amendments/preview`, LOWERED);
    expect(response.status).toBe(200);
    const preview = amendmentPreviewAnswer.parse(response.body);
    expect(await eventCount()).toBe(before);
    expect(preview.counts).toMatchObject({ cancelled: 0, redated: 0, added: 0, dropped: 0 });
    expect(preview.otherChanges).toEqual([]);
    expect(preview.targets).toEqual([{
      targetId: 'enrolment', metric: '学前三年毛入园率', change: 'changed', terms: ['value', 'milestones'],
      statuses: [{ unitId: null, from: 'at-risk', to: 'on-track', reason: 're-judged after amendment 1 (value, milestones): the trend reaches 86 % by 2023, meeting >= 85 % (2023)' }],
    }]);
  });

  it('POST amendment with only a target change is accepted, records the status judged again, and GET /plans/{id} shows the new terms', async () => {
    const applied = await post(`/plans/${PLAN}/amendments?reason=${encodeURIComponent('省通知调整毛入园率目标')}`, LOWERED);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      amendment: 1,
      changes: { addedObligations: [], removedAssignmentIds: [], redated: [], otherChanges: [], targets: { addedTargetIds: [], removedTargetIds: [], changed: [{ targetId: 'enrolment', terms: ['value', 'milestones'] }] } },
      targetStatuses: [{ targetId: 'enrolment', unitId: null, period: '2022', from: 'at-risk', to: 'on-track' }],
    });
    const enrolment = (await planNow()).targets.find((t) => t.targetId === 'enrolment');
    expect(enrolment).toMatchObject({ milestones: [{ period: '2023', value: 85 }, { period: '2024', value: 86 }], status: 'on-track', measurements: [{ period: '2022', value: 86 }] });
  });

  it('an amendment dropping a target and adding measuredBy: the reporting work is added like any work, the dropped target is no longer shown', async () => {
    const preview = amendmentPreviewAnswer.parse((await post(`/plans/${PLAN}/amendments/preview`, RESHAPED)).body);
    expect(preview.targets).toEqual([
      { targetId: 'new-places', metric: '新增学前教育公办学位', change: 'changed', terms: ['measuredBy'], statuses: [] },
      { targetId: 'evaluation', metric: '义务教育优质均衡发展督导评估', change: 'removed', terms: [], statuses: [] },
    ]);
    expect(preview.counts.added).toBeGreaterThan(0);
    expect(preview.departments.flatMap((d) => d.assignments).every((a) => a.change === 'added' && a.assignmentId.startsWith('new-places.'))).toBe(true);
    const applied = await post(`/plans/${PLAN}/amendments?reason=${encodeURIComponent('取消督导评估目标')}`, RESHAPED);
    expect(applied.status).toBe(200);
    expect(applied.body.changes.targets).toEqual({ addedTargetIds: [], removedTargetIds: ['evaluation'], changed: [{ targetId: 'new-places', terms: ['measuredBy'] }] });
    expect((await planNow()).targets.map((t) => t.targetId)).not.toContain('evaluation');
  });

  it('the same version again changes nothing: refused with 400', async () => {
    const again = await post(`/plans/${PLAN}/amendments?reason=${encodeURIComponent('重复')}`, RESHAPED);
    expect(again.status).toBe(400);
    expect(again.body.problems[0].message).toContain('changes nothing');
  });
});
