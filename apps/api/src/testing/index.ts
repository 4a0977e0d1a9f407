export { call, startApiTestApp, tokenFor, FixedClock, type ApiTestApp, type ApiTestOptions, type TestPerson } from './api-test-app';
export { PlanPreparationPool } from '../plans/preparation/plan-preparation.pool';
export { buildOpenApiDocument } from '../openapi/openapi-document';
