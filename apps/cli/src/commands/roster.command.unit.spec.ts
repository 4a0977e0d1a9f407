import { parseRosterFile } from '@planledger/plan-definition';
import { locateProblems } from './roster.command';

describe('roster set: the service\'s refusals pointed at the roster file', () => {
  it('turns body.roster[i] paths into file:line of that entry, and leaves other lines alone', () => {
    const text = 'roster:\n  - { role: head-teacher, unit: school-a, people: [zhang] }\n  - role: backbone\n    unit: school-a\n    people: [li]\n';
    const parsed = parseRosterFile(text, 'roster.yaml');
    if (!parsed.ok) throw new Error('the test roster must parse');
    const message = 'POST /plans/p/roster: HTTP 400\nbody.roster[1].role  plan p gives no work to role "backbone"';
    expect(locateProblems(message, 'roster.yaml', parsed.entries)).toBe('POST /plans/p/roster: HTTP 400\nroster.yaml:3  roster[1].role  plan p gives no work to role "backbone"');
  });
});
