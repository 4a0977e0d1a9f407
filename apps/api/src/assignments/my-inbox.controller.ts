import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@planledger/auth';
import { MyInboxQuery } from '../read-models/my-inbox.handler';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { Caller } from './caller.decorator';

/** 我的待办: the caller's own work, whoever they are. */
@Controller()
export class MyInboxController {
  constructor(private readonly queries: QueryBus) {}

  @Route('myInbox')
  inbox(@Valid('myInbox') { query }: RequestOf<'myInbox'>, @Caller() principal: Principal) {
    return this.queries.execute(new MyInboxQuery(principal, { planId: query.plan, statuses: query.status, limit: query.limit }));
  }
}
