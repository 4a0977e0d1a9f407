import { schedule } from '@planledger/domain/testing';
import type { StoredEvent } from '@planledger/event-store';
import { outsideEventsOf } from './outside-events';

const planner = { userId: 'wang.office', role: 'planner', displayName: '王主任' };
const named = schedule({
  outsideEvents: [
    { eventId: 'visit', name: '省督导评估组迎检', expected: { from: '2024-04-01', to: '2024-06-30' }, recurring: false, inspection: false },
    { eventId: 'exam', name: '全区统一质量检测', recurring: true, inspection: false },
  ],
});
let revision = 0n;
const stored = (type: string, data: object, businessTime: string): StoredEvent => ({
  eventId: `e-${revision}`, type, schemaVersion: 1, data, metadata: { actor: planner, businessTime }, stream: 'plan-p',
  revision: revision++, position: { commit: revision, prepare: 0n }, recordedAt: new Date(businessTime), prevHash: '', hash: '',
});
const published = stored('PlanPublished', { planId: 'p', schedule: named }, '2023-08-25T02:00:00.000Z');
const exam = (occurrence: number, date: string, at: string) => stored('OutsideEventRecorded', { planId: 'p', eventId: 'exam', occurrence, date, dayClosesAt: `${date}T23:59:59.999+08:00`, units: [], note: '' }, at);
const none = () => 0;

describe('outsideEventsOf', () => {
  it('given nothing recorded, then every named event is waiting; the visit is overdue-expected only from the day after its window (plan zone)', () => {
    const lastDay = outsideEventsOf([published], none, '2024-06-30T15:59:59.000Z');
    expect(lastDay.map((e) => [e.eventId, e.status, e.expectedPassed])).toEqual([['visit', 'waiting', false], ['exam', 'waiting', false]]);
    const nextDay = outsideEventsOf([published], none, '2024-06-30T16:00:00.000Z');
    expect(nextDay.map((e) => [e.eventId, e.status, e.expectedPassed])).toEqual([['visit', 'waiting', true], ['exam', 'waiting', false]]);
  });

  it('given two exams recorded, then the exam lists both occurrences in order with who recorded them, when (plan zone) and what each issued', () => {
    const events = [published, exam(1, '2024-01-16', '2024-01-16T08:00:00.000Z'), exam(2, '2024-06-28', '2024-06-28T08:00:00.000Z')];
    const issued = new Map([['exam-1', 2], ['exam-2', 1]]);
    const [, view] = outsideEventsOf(events, (key) => issued.get(key) ?? 0, '2024-07-01T00:00:00.000Z');
    expect(view).toEqual({
      eventId: 'exam', name: '全区统一质量检测', recurring: true, inspection: false, expected: null, status: 'recorded', expectedPassed: false,
      occurrences: [
        { occurrence: 1, date: '2024-01-16', recordedAt: '2024-01-16T16:00:00.000+08:00', recordedBy: planner, units: [], note: '', assignmentsIssued: 2 },
        { occurrence: 2, date: '2024-06-28', recordedAt: '2024-06-28T16:00:00.000+08:00', recordedBy: planner, units: [], note: '', assignmentsIssued: 1 },
      ],
    });
  });

  it('given an amendment that no longer names the exam, then its recorded occurrences are still listed (under its id); without a schedule nothing is', () => {
    const amended = stored('PlanAmended', { planId: 'p', amendment: 1, schedule: schedule({ outsideEvents: [named.outsideEvents![0]] }) }, '2024-02-01T00:00:00.000Z');
    const views = outsideEventsOf([published, exam(1, '2024-01-16', '2024-01-16T08:00:00.000Z'), amended], none, '2024-03-01T00:00:00.000Z');
    expect(views.map((e) => [e.eventId, e.name, e.occurrences.length])).toEqual([['visit', '省督导评估组迎检', 0], ['exam', 'exam', 1]]);
    expect(outsideEventsOf([], none, '2024-03-01T00:00:00.000Z')).toEqual([]);
  });
});
