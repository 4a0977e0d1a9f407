import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessLog, Accounts, AccountStore, migrateAccountTables, PeopleDirectory, SessionStore } from '@planledger/auth';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, SERVICE_CONFIG, WALL_CLOCK } from '@planledger/runtime';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { AssignmentLocator } from '../assignments/assignment-locator';
import { AdminPeopleController } from './admin-people.controller';
import { AdminTokenBootstrap } from './admin-token-bootstrap';
import { setUpAuth, type AuthConfig, type AuthSetup } from './auth-setup';
import { ACCESS_LOG, ACCOUNTS, AUTH_SETUP, PEOPLE_DIRECTORY, SIGNING_KEYS, TOKEN_VERIFIER } from './auth-tokens';
import { InvitationsController } from './invitations.controller';
import { SessionController } from './session.controller';
import { SignInAuditController } from './sign-in-audit.controller';
import { SignInExportController } from './sign-in-export.controller';
import { AuthorizationGuard } from './authorization.guard';
import { DepartmentReach } from './department-reach';
import { FailedAuthentications } from './failed-authentications';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Identity, authorization and rate limits for every route. The guards are global and run in
 * this order: the rate limit (cheap, before any signature is checked), then authorization.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: { RATE_LIMIT_PER_MINUTE?: number }) => ({ throttlers: [{ ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE ?? 600 }] }),
    }),
  ],
  controllers: [AdminPeopleController, SessionController, InvitationsController, SignInAuditController, SignInExportController],
  providers: [
    { provide: AUTH_SETUP, inject: [SERVICE_CONFIG], useFactory: (config: AuthConfig) => setUpAuth(config) },
    { provide: TOKEN_VERIFIER, inject: [AUTH_SETUP], useFactory: (setup: AuthSetup) => setup.verifier },
    { provide: SIGNING_KEYS, inject: [AUTH_SETUP], useFactory: (setup: AuthSetup) => setup.keys },
    {
      // The directory's commands go through the service's command executor at the service clock's time.
      provide: PEOPLE_DIRECTORY, inject: [EVENT_STORAGE, CLOCK, COMMAND_EXECUTOR],
      useFactory: (storage: EventStorage, clock: Clock, executor: CommandExecutor) => new PeopleDirectory(storage.store, { clock, executor }),
    },
    { provide: ACCESS_LOG, inject: [EVENT_STORAGE], useFactory: (storage: EventStorage) => new AccessLog(storage.store) },
    {
      // The credentials and sessions tables are created before anyone can sign in.
      // Sessions on real time (WALL_CLOCK), the facts on business time (CLOCK).
      provide: ACCOUNTS, inject: [EVENT_STORAGE, CLOCK, PEOPLE_DIRECTORY, ACCESS_LOG, WALL_CLOCK],
      useFactory: async (storage: EventStorage, clock: Clock, directory: PeopleDirectory, log: AccessLog, wallClock: Clock) => {
        await migrateAccountTables(storage.database);
        return new Accounts(directory, new AccountStore(storage.database), new SessionStore(storage.database), log, clock, wallClock);
      },
    },
    AssignmentLocator,
    DepartmentReach,
    FailedAuthentications,
    AdminTokenBootstrap,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  // The assignment page names the people who acted; a file download is recorded in the access log.
  exports: [PEOPLE_DIRECTORY, ACCESS_LOG],
})
export class AuthModule {}
