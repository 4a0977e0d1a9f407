import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStorage } from '@planledger/event-store';
import { listDepartments } from '@planledger/projections';
import { EVENT_STORAGE } from '@planledger/runtime';
import { ListDepartmentsQuery } from './read-model.queries';

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ planId }: ListDepartmentsQuery) {
    return { departments: await listDepartments(this.storage.database, { planId }) };
  }
}
