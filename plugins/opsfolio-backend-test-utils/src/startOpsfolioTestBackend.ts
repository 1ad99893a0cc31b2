import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { SchedulerServiceTaskInvocationDefinition, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import opsfolioPlugin from '@opsfolio/backstage-plugin-backend';
import { installJestFnShim } from './jestFnShim';

/** A running test backend: the Opsfolio plugin, the modules under test and its database. @public */
export interface OpsfolioTestBackend {
  /** The backend's HTTP server, for supertest; the plugin's routes are under `/api/opsfolio`. */
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  /** The plugin's database, to look at what a sync stored. */
  knex: Knex;
  /** Runs a source's sync now, as the scheduler would, and resolves when it is recorded. */
  runSync(sourceId: string): Promise<void>;
  /** The Authorization header of a signed-in user. */
  userHeader: string;
  /** Stops the backend and closes the database it created (not one passed in `knex`). */
  stop(): Promise<void>;
}

/** Starts the Opsfolio backend plugin with the given modules. @public */
export async function startOpsfolioTestBackend(options: {
  features: Array<Parameters<typeof startTestBackend>[0]['features'] extends Array<infer F> | undefined ? F : never>;
  entities: Entity[];
  config?: JsonObject;
  /** A database to run on instead of a fresh in-memory SQLite one; the caller keeps it (stop() leaves it open). */
  knex?: Knex;
  /** What the permission policy answers to every request (default: the real default service, which allows). */
  permissions?: 'allow' | 'deny';
}): Promise<OpsfolioTestBackend> {
  installJestFnShim();
  const knex = options.knex ?? knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      opsfolioPlugin,
      ...options.features,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      scheduler.factory,
      ...(options.permissions
        ? [mockServices.permissions.factory({ result: options.permissions === 'allow' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY })]
        : []),
    ],
  });
  return {
    server: backend.server,
    knex,
    userHeader: mockCredentials.user.header(),
    async runSync(sourceId) {
      type Task = SchedulerServiceTaskScheduleDefinition & SchedulerServiceTaskInvocationDefinition;
      const task = (scheduler.scheduleTask.mock.calls as Array<[Task]>)
        .map(([t]) => t)
        .find(t => t.id === `opsfolio-sync:${sourceId}`);
      if (!task) throw new Error(`No sync task registered for source '${sourceId}'`);
      await task.fn(new AbortController().signal);
    },
    async stop() {
      await backend.stop();
      if (!options.knex) await knex.destroy();
    },
  };
}
