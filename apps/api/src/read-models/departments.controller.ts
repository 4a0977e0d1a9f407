import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { DepartmentInboxQuery, ListDepartmentsQuery, OverdueListQuery } from './read-model.queries';

/** What departments owe: their inbox, and the overdue list the leading group's office watches. */
@Controller()
export class DepartmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Route('listDepartments')
  list(@Valid('listDepartments') { query }: RequestOf<'listDepartments'>) {
    return this.queries.execute(new ListDepartmentsQuery(query.planId));
  }

  @Route('departmentInbox')
  inbox(@Valid('departmentInbox') { params, query }: RequestOf<'departmentInbox'>) {
    return this.queries.execute(new DepartmentInboxQuery(params.id, query.planId));
  }

  @Route('overdueList')
  overdue(@Valid('overdueList') { query }: RequestOf<'overdueList'>) {
    return this.queries.execute(new OverdueListQuery(query.planId));
  }
}
