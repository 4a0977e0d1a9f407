export type AggregateKind = 'plan' | 'phase' | 'assignment';

/** The state machine forbids this command now; `allowed` lists what it would accept. */
export interface InvalidTransition {
  code: 'invalid_transition';
  aggregate: AggregateKind;
  id: string;
  status: string;
  command: string;
  allowed: string[];
  message: string;
}

export interface NotFound {
  code: 'not_found';
  aggregate: AggregateKind;
  id: string;
  message: string;
}

export interface AlreadyExists {
  code: 'already_exists';
  aggregate: AggregateKind;
  id: string;
  message: string;
}

/** The command is well-formed but makes no sense here (e.g. reassign to the same unit). */
export interface InvalidCommand {
  code: 'invalid_command';
  aggregate: AggregateKind;
  id: string;
  field?: string;
  message: string;
}

export type DomainError = InvalidTransition | NotFound | AlreadyExists | InvalidCommand;
