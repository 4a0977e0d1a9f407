/** A definition that cannot be compiled: every problem found, so one run reports them all. */
export class ScheduleCompilationError extends Error {
  constructor(readonly problems: string[]) {
    super(`the plan cannot be scheduled:\n- ${problems.join('\n- ')}`);
    this.name = 'ScheduleCompilationError';
  }
}

/** Collects problems while compiling and throws them together at the end. */
export class ProblemList {
  private readonly problems: string[] = [];

  add(problem: string): void {
    this.problems.push(problem);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ScheduleCompilationError(this.problems);
  }
}
