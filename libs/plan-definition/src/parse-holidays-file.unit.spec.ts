import { loadHolidaysFile, parseHolidaysFile } from './parse-holidays-file';

describe('the deployer holiday file', () => {
  it('reads YAML and JSON days', () => {
    const yaml = parseHolidaysFile('days:\n  - { date: 2027-02-08, kind: holiday, name: 春节, notice: 国办发明电〔2026〕1号 }\n', 'h.yaml');
    expect(yaml).toEqual({ ok: true, days: [{ date: '2027-02-08', kind: 'holiday', name: '春节', notice: '国办发明电〔2026〕1号' }] });
    const json = parseHolidaysFile('{"days":[{"date":"2027-02-20","kind":"working-day","name":"春节"}]}', 'h.json');
    expect(json).toEqual({ ok: true, days: [{ date: '2027-02-20', kind: 'working-day', name: '春节' }] });
  });

  it('gives each bad entry its line, and a date listed twice points at both', () => {
    const text = ['days:', '  - { date: 2027-02-08, kind: holiday, name: 春节 }', '  - { date: 2027-02-30, kind: holiday, name: 春节 }', '  - { date: 2027-02-08, kind: off, name: 春节 }', '  - { date: 2027-02-08, kind: holiday, name: 春节 }'].join('\n');
    const bad = parseHolidaysFile(text, 'h.yaml');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.line, e.path])).toEqual([[3, 'days[1].date'], [4, 'days[2].kind']]);
    const twice = parseHolidaysFile(['days:', '  - { date: 2027-02-08, kind: holiday, name: 春节 }', '  - { date: 2027-02-08, kind: working-day, name: 春节 }'].join('\n'), 'h.yaml');
    expect(twice).toMatchObject({ ok: false, errors: [{ line: 3, path: 'days[1].date', message: '2027-02-08 is listed twice (first at line 2)' }] });
  });

  it('is read only when PLANLEDGER_HOLIDAYS_FILE names it, and a missing file is one message naming the variable', () => {
    const read = jest.fn(() => 'days: [{ date: 2027-02-08, kind: holiday, name: 春节 }]');
    expect(loadHolidaysFile({}, read)).toEqual({ ok: true, days: [] });
    expect(read).not.toHaveBeenCalled();
    expect(loadHolidaysFile({ PLANLEDGER_HOLIDAYS_FILE: '/etc/h.yaml' }, read)).toMatchObject({ ok: true, file: '/etc/h.yaml', days: [{ date: '2027-02-08' }] });
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(loadHolidaysFile({ PLANLEDGER_HOLIDAYS_FILE: '/etc/h.yaml' }, missing)).toEqual({ ok: false, message: 'PLANLEDGER_HOLIDAYS_FILE=/etc/h.yaml: no such file' });
    const invalid = loadHolidaysFile({ PLANLEDGER_HOLIDAYS_FILE: '/etc/h.yaml' }, () => 'days: []');
    expect(invalid).toMatchObject({ ok: false, message: expect.stringMatching(/^PLANLEDGER_HOLIDAYS_FILE=\/etc\/h\.yaml is not a valid holiday file:\n {2}\/etc\/h\.yaml:1:\d+ {2}days: list at least one day$/) });
  });
});
