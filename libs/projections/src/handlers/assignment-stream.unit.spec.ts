import { streamNames } from '@planledger/domain';
import { planIdOfAssignmentStream } from './assignment-stream';

describe('planIdOfAssignmentStream', () => {
  it('cuts the known assignment id off the stream, whatever dots either id holds', () => {
    expect(planIdOfAssignmentStream(streamNames.assignment('lianyun-2021', 'm1.school-a.once'), 'm1.school-a.once')).toBe('lianyun-2021');
    expect(planIdOfAssignmentStream(streamNames.assignment('plan.v2', 'm1.a.2022-s1'), 'm1.a.2022-s1')).toBe('plan.v2');
  });
  it('gives undefined for a stream of another assignment or aggregate', () => {
    expect(planIdOfAssignmentStream(streamNames.assignment('p', 'm1.a.once'), 'm2.a.once')).toBeUndefined();
    expect(planIdOfAssignmentStream(streamNames.phase('p', 'm1.a.once'), 'm1.a.once')).toBeUndefined();
    expect(planIdOfAssignmentStream('assignment-.m1', 'm1')).toBeUndefined();
  });
});
