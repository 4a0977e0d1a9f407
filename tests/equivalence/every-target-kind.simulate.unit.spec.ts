import { finalTargetStatuses, simulateScenario } from './support/equivalence-scenario';
import { everyKindScenarios } from './support/every-target-kind';

/**
 * The simulator's half of the every-target-kind scenarios, fast: each kind ends met, at risk or
 * missed as the scenario says (the e2e test then shows the service records the same streams).
 */
describe.each(everyKindScenarios().map((s) => ({ ...s, name: s.amendment ? 'as the amendment leaves them' : `every series ${Object.values(s.targetsEnd ?? {})[0]}` })))('every target kind, simulated: $name', (scenario) => {
  it('with no rejection, each series ends with its expected status', () => {
    const { result, streams } = simulateScenario(scenario);
    expect(result.rejections).toEqual([]);
    expect(finalTargetStatuses(streams)).toEqual(scenario.targetsEnd);
  });
});
