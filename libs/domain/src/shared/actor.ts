export type Role = 'planner' | 'department_head' | 'department_member' | 'auditor' | 'admin' | 'system';

/** Who did it. Timers act as { userId: 'system:timer', role: 'system' }. */
export interface Actor {
  userId: string;
  role: Role;
  departmentId?: string;
  displayName?: string;
}

export const systemActor: Actor = { userId: 'system-timer', role: 'system' };
