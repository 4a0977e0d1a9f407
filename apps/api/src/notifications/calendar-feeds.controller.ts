import { Controller, Inject, Res } from '@nestjs/common';
import type { PeopleDirectory } from '@planledger/auth';
import type { EventStorage } from '@planledger/event-store';
import { CalendarFeedStore, NOTIFICATION_CONFIG, openDeadlines, renderFeed, type NotificationConfig } from '@planledger/notification-delivery';
import { EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import type { Response } from 'express';
import { PEOPLE_DIRECTORY } from '../auth/auth-tokens';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';

const notFound = () => new ApiError(404, { error: 'not_found', message: 'no calendar feed at this address' });

/** iCalendar feeds per department and per person, at secret revocable addresses. */
@Controller()
export class CalendarFeedsController {
  private readonly feeds: CalendarFeedStore;

  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(NOTIFICATION_CONFIG) private readonly notify: NotificationConfig,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<ServiceConfig, 'PORT'>,
    /** The service's one directory, read only here (who belongs to which departments, who is revoked): auth writes it. */
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {
    this.feeds = new CalendarFeedStore(storage.database);
  }

  @Route('createCalendarFeed')
  async create(@Valid('createCalendarFeed') { body }: RequestOf<'createCalendarFeed'>) {
    const { feed, token } = await this.feeds.create(body);
    const base = (this.notify.PUBLIC_URL ?? `http://localhost:${this.config.PORT ?? 3000}`).replace(/\/+$/, '');
    return { feed, url: `${base}/calendar/${token}.ics` };
  }

  @Route('revokeCalendarFeed')
  async revoke(@Valid('revokeCalendarFeed') { params }: RequestOf<'revokeCalendarFeed'>) {
    const feed = await this.feeds.revoke(params.id);
    if (!feed) throw new ApiError(404, { error: 'not_found', message: `calendar feed ${params.id} not found` });
    return feed;
  }

  @Route('calendarFeed')
  async feed(@Valid('calendarFeed') { params }: RequestOf<'calendarFeed'>, @Res({ passthrough: true }) res: Response): Promise<string> {
    const feed = await this.feeds.resolve(params.token.replace(/\.ics$/, ''));
    if (!feed) throw notFound();
    let departments: string[];
    let name: string;
    if (feed.departmentId) {
      departments = [feed.departmentId];
      name = `planledger ${feed.departmentId}`;
    } else {
      const person = await this.people.get(feed.personId!);
      // A revoked person's feed goes with their tokens.
      if (!person || person.revokedAt) throw notFound();
      departments = person.departments;
      name = `planledger ${person.name}`;
    }
    res.type('text/calendar; charset=utf-8');
    return renderFeed(name, await openDeadlines(this.storage.database, departments), this.notify.PUBLIC_URL);
  }
}
