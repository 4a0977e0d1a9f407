import { InvalidEventError } from '../errors';
import { normaliseExpectedRevision, prepareEvents, validateStreamName } from './validate-append';

const validEvent = { eventId: '5f1c1c36-8f33-4c1e-9a53-0a8f5c1d2e3f', type: 'Happened', schemaVersion: 1, data: { b: 2, a: 1 }, metadata: {} };

function rejection(run: () => unknown): InvalidEventError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected InvalidEventError');
}

describe('append input validation', () => {
  it('normalises expected revisions', () => {
    expect(normaliseExpectedRevision('no_stream')).toBe('no_stream');
    expect(normaliseExpectedRevision(3)).toBe(3n);
    expect(normaliseExpectedRevision(0n)).toBe(0n);
    expect(rejection(() => normaliseExpectedRevision(-1)).message).toBe('expectedRevision: must not be negative, got -1');
    expect(rejection(() => normaliseExpectedRevision('latest')).where).toBe('expectedRevision');
    expect(rejection(() => normaliseExpectedRevision(2 ** 60)).problem).toMatch(/integer/);
  });

  it('checks stream names', () => {
    expect(validateStreamName('plan-1')).toBe('plan-1');
    expect(rejection(() => validateStreamName('')).message).toBe('stream: must not be empty');
    expect(rejection(() => validateStreamName(42)).problem).toMatch(/string/);
    expect(rejection(() => validateStreamName('x'.repeat(501))).problem).toMatch(/longer/);
  });

  it('keeps the caller\'s JSON text, and the hashed content is built from exactly that text', () => {
    const [prepared] = prepareEvents([validEvent]);
    expect(prepared.dataJson).toBe('{"b":2,"a":1}');
    expect(prepared.content).toBe(
      '{"data":{"b":2,"a":1},"eventId":"5f1c1c36-8f33-4c1e-9a53-0a8f5c1d2e3f","metadata":{},"schemaVersion":1,"type":"Happened"}',
    );
  });

  it('serialises metadata in one fixed key order whatever the caller\'s order (so readers reproduce it)', () => {
    const metadata = { businessTime: '2026-09-01T08:00:00+08:00', actor: { role: 'r', userId: 'u' }, correlationId: 'c' };
    const [prepared] = prepareEvents([{ ...validEvent, metadata }]);
    expect(prepared.metadataJson).toBe('{"correlationId":"c","actor":{"userId":"u","role":"r"},"businessTime":"2026-09-01T08:00:00+08:00"}');
  });

  it('names the metadata field at fault', () => {
    const bad = { ...validEvent, metadata: { actor: { userId: 'u' } } };
    expect(rejection(() => prepareEvents([validEvent, bad])).where).toBe('events[1].metadata.actor.role');
  });

  it('rejects a missing data member and a schema version below 1', () => {
    const { data: _data, ...withoutData } = validEvent;
    expect(rejection(() => prepareEvents([withoutData])).where).toBe('events[0].data');
    expect(rejection(() => prepareEvents([{ ...validEvent, schemaVersion: 0 }])).where).toBe('events[0].schemaVersion');
  });
});
