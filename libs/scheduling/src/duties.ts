import type { Definition, DefinitionDeadline, DefinitionResponsibility, DefinitionReview } from './definition';

/** Something departments must deliver: a measure, or a deliverable a phase requires of its own. */
export interface Duty {
  id: string;
  title: string;
  programmeId?: string;
  /** Phases the duty is limited to (a deliverable: its own phase); undefined = the whole plan. */
  phaseIds?: string[];
  /** A deliverable's obligations always belong to its phase. */
  ownPhaseId?: string;
  responsible: DefinitionResponsibility;
  deadline: DefinitionDeadline;
  review?: DefinitionReview;
  /** The entry's own holiday rule, else the plan's policy. */
  holidayRule: Definition['policy']['holidayRule'];
  remindDaysBefore: number[];
  escalation: { afterDays: number; to: string }[];
}

/** Reminder days, earliest first, once each: the order timers are set in. */
const reminderDays = (days: number[]): number[] => [...new Set(days)].sort((a, b) => b - a);

export const dutiesOf = (definition: Definition): Duty[] => {
  const { policy } = definition;
  const fromMeasures = definition.measures.map((measure): Duty => ({
    id: measure.id,
    title: measure.title,
    programmeId: measure.programme,
    phaseIds: measure.phases,
    responsible: measure.responsible,
    deadline: measure.deadline,
    review: measure.review,
    holidayRule: measure.holidayRule ?? policy.holidayRule,
    remindDaysBefore: reminderDays((measure.reminders ?? policy.reminders).daysBefore),
    escalation: (measure.escalation ?? policy.escalation).map(({ afterDays, to }) => ({ afterDays, to })),
  }));
  const fromDeliverables = definition.phases.flatMap((phase) =>
    phase.deliverables.map((deliverable): Duty => ({
      id: deliverable.id,
      title: deliverable.title,
      phaseIds: [phase.id],
      ownPhaseId: phase.id,
      responsible: deliverable.responsible,
      deadline: deliverable.deadline,
      review: deliverable.review,
      holidayRule: deliverable.holidayRule ?? policy.holidayRule,
      remindDaysBefore: reminderDays(policy.reminders.daysBefore),
      escalation: policy.escalation.map(({ afterDays, to }) => ({ afterDays, to })),
    })),
  );
  return [...fromMeasures, ...fromDeliverables];
};
