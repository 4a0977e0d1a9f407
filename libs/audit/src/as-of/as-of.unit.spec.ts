import { InvalidAsOfError, resolveAsOf } from './as-of';

describe('resolveAsOf', () => {
  it("reads a bare date as the end of that day in the plan's time zone", () => {
    expect(resolveAsOf('2023-06-30', 'Asia/Shanghai')).toEqual({ instant: '2023-06-30T15:59:59.999Z', basis: 'recorded', requested: '2023-06-30' });
    expect(resolveAsOf('2023-06-30', 'UTC', 'business').instant).toBe('2023-06-30T23:59:59.999Z');
  });
  it('takes a date-time with an offset as it is, and refuses anything else', () => {
    expect(resolveAsOf('2023-06-30T08:00:00+08:00', 'UTC').instant).toBe('2023-06-30T00:00:00.000Z');
    for (const bad of ['2023-02-30', '2023-06-30T08:00:00', 'yesterday']) expect(() => resolveAsOf(bad, 'Asia/Shanghai')).toThrow(InvalidAsOfError);
  });
});
