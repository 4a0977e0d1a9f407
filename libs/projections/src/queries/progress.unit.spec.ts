import { addToProgress, emptyProgress } from './progress';

describe('progress', () => {
  it('counts not-issued obligations in the total and leaves waived and cancelled work out of the percentage', () => {
    const progress = emptyProgress();
    addToProgress(progress, 'not_issued', 2);
    addToProgress(progress, 'accepted', 2);
    addToProgress(progress, 'issued');
    addToProgress(progress, 'waived');
    addToProgress(progress, 'cancelled');
    expect(progress).toEqual({ total: 7, notIssued: 2, byStatus: { accepted: 2, issued: 1, waived: 1, cancelled: 1 }, accepted: 2, percentAccepted: 40 });
  });
  it('is 0 % when nothing is owed, and rounds to one decimal', () => {
    expect(addToProgress(emptyProgress(), 'waived').percentAccepted).toBe(0);
    expect(addToProgress(addToProgress(emptyProgress(), 'accepted'), 'issued', 2).percentAccepted).toBe(33.3);
  });
});
