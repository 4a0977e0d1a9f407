import { defaultTerm, middleDay, TermCalendar, termKey, termLength } from './school-terms';

describe('the default terms', () => {
  it('run 1 September – 20 January and 1 March – 10 July, with the mid-term in the middle', () => {
    expect(defaultTerm(2023, 1)).toEqual({ schoolYear: 2023, term: 1, start: '2023-09-01', end: '2024-01-20', mid: '2023-11-10' });
    expect(defaultTerm(2023, 2)).toEqual({ schoolYear: 2023, term: 2, start: '2024-03-01', end: '2024-07-10', mid: '2024-05-05' });
  });

  it('count their days inclusively', () => {
    expect(termLength({ start: '2024-03-01', end: '2024-03-01' })).toBe(1);
    expect(termLength(defaultTerm(2023, 1))).toBe(142);
    expect(middleDay({ start: '2024-03-01', end: '2024-03-04' })).toBe('2024-03-02');
  });
});

describe('TermCalendar', () => {
  const calendar = new TermCalendar([{ schoolYear: 2023, term: 1, start: '2023-08-28', end: '2024-01-19', midterm: '2023-11-10' }]);

  it('takes the plan\'s terms where it gives them and the default elsewhere', () => {
    expect(calendar.term(2023, 1)).toEqual({ schoolYear: 2023, term: 1, start: '2023-08-28', end: '2024-01-19', mid: '2023-11-10' });
    expect(calendar.term(2023, 2)).toEqual(defaultTerm(2023, 2));
    expect(calendar.term(2024, 1)).toEqual(defaultTerm(2024, 1));
  });

  it('lists the terms overlapping a span, in order, and no holiday', () => {
    expect(calendar.termsOverlapping({ start: '2023-09-01', end: '2024-08-31' }).map(termKey)).toEqual(['2023-t1', '2023-t2']);
    expect(calendar.termsOverlapping({ start: '2024-07-11', end: '2024-08-31' })).toEqual([]);
    expect(calendar.termsOverlapping({ start: '2024-01-20', end: '2024-02-29' })).toEqual([]);
  });

  it('says which days are term days: the summer and winter holidays are not', () => {
    expect(calendar.isTermDay('2023-08-28')).toBe(true);
    expect(calendar.isTermDay('2024-01-19')).toBe(true);
    expect(calendar.isTermDay('2024-01-20')).toBe(false);
    expect(calendar.isTermDay('2024-07-11')).toBe(false);
    expect(calendar.isTermDay('2024-08-27')).toBe(false);
  });
});
