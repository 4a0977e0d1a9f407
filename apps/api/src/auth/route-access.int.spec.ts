import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { expressPath, routeEntries, type OperationId } from '../routes/route-table';
import { call, startApiTestApp, tokenFor, type ApiTestApp, type TestPerson } from '../testing/api-test-app';
import { routePolicies, type RoutePolicy } from './route-policies';

const LIANYUN = readFileSync(join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const PLAN = 'access-2030';
const ASSIGNMENT = 'norm-year-school-plans.banqiao-junior.once';
const HOLDER = 'banqiao-junior';
const REVIEWER = 'liaison-deputy-2'; // first in the assignment's review chain
const PARENT = 'lianyun-bureau'; // banqiao-junior's parent in the plan's departments

/** The callers of the matrix: every role, department people inside and outside the assignment's reach. */
const CALLERS: Record<string, TestPerson> = {
  planner: { roles: ['planner'] },
  auditor: { roles: ['auditor'] },
  admin: { roles: ['admin'] },
  'holder head': { roles: ['department_head'], departments: [HOLDER] },
  'holder member': { roles: ['department_member'], departments: [HOLDER] },
  'parent head': { roles: ['department_head'], departments: [PARENT] },
  'reviewer head': { roles: ['department_head'], departments: [REVIEWER] },
  'foreign head': { roles: ['department_head'], departments: ['haibin-primary'] },
};

let api: ApiTestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startApiTestApp();
  const planner = await api.authAs(CALLERS.planner);
  expect((await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { text: LIANYUN, headers: planner })).status).toBe(201);
  expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: planner })).status).toBe(200);
  const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
  const issue = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === ASSIGNMENT);
  expect((await fireTimer(api.executor, issue!)).ok).toBe(true);
  await api.project();
  for (const [name, person] of Object.entries(CALLERS)) tokens[name] = await tokenFor(api.keys, { ...person, subject: name.replace(' ', '-') });
});
afterAll(async () => {
  await api?.close();
});

interface RegisteredRoute {
  method: string;
  path: string;
  operation: OperationId | undefined;
}

/** Every route Express serves, matched to its route-table entry (static assets are not routes). */
function registeredRoutes(): RegisteredRoute[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const table = new Map(routeEntries().map(([id, spec]) => [`${spec.method.toUpperCase()} ${expressPath(spec.path)}`, id]));
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })))
    .map((route) => ({ ...route, operation: table.get(`${route.method} ${route.path}`) }));
}

/** Real ids, so that department scopes are judged on the fixture's assignment and departments. */
function concretePath(path: string): string {
  return path
    .replace(/^\/plans\/:id/, `/plans/${PLAN}`)
    .replace(/^\/assignments\/:id/, `/assignments/${PLAN}.${ASSIGNMENT}`)
    .replace(/^\/departments\/:id/, `/departments/${HOLDER}`)
    .replace(/^\/audit\/streams\/:stream/, `/audit/streams/plan-${PLAN}`)
    // A well-formed hash: the guard checks the address before the department, so a malformed one would answer 400 to everyone.
    .replace(/:sha256/, 'a'.repeat(64))
    .replace(/:(\w+)/g, 'probe-$1');
}

/** The department a scope rule looks at in this fixture. */
const scopeDepartment = { department: HOLDER, 'assignment-holder': HOLDER, 'assignment-giver': HOLDER, 'assignment-reviewer': REVIEWER, 'assignment-party': HOLDER } as const;
/** Which departments each department reaches here (itself, and for the bureau every school under it). */
const reaches = (departments: string[], target: string) => departments.includes(target) || (departments.includes(PARENT) && target !== PARENT);

/** The matrix: allowed, or 403, for a caller with a valid token. */
function expectedFor(policy: RoutePolicy, person: TestPerson): 'allowed' | 403 {
  if (policy.access === 'public' || policy.access === 'person') return 'allowed';
  const roles = policy.kind === 'write' ? person.roles.filter((r) => r !== 'auditor') : person.roles;
  if (policy.anyDepartment.some((role) => roles.includes(role))) return 'allowed';
  const own = policy.ownDepartment;
  if (!own || !own.roles.some((role) => roles.includes(role))) return 403;
  // assignment-party: the holder, or a department of its review chain (the fixture's reviewer).
  const alsoReviewer = own.scope === 'assignment-party' && reaches(person.departments ?? [], REVIEWER);
  return reaches(person.departments ?? [], scopeDepartment[own.scope]) || alsoReviewer ? 'allowed' : 403;
}

/**
 * Guards run before validation: a body no schema accepts makes an allowed write answer 400
 * (or 404 / 409) without changing the fixture, while a refused one still answers 401 / 403.
 */
const probe = (route: RegisteredRoute, headers: Record<string, string>) =>
  call(api.url, route.method, concretePath(route.path), route.method === 'POST' ? { json: { probe: true }, headers } : { headers });

describe('route × role matrix (route-policies.ts)', () => {
  it('every route the app registers has a route-table entry and an access policy', () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.operation || !routePolicies[r.operation]).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers every route as the matrix says, for every role and department', async () => {
    const mismatches: string[] = [];
    for (const route of registeredRoutes()) {
      const policy = routePolicies[route.operation!];
      for (const [name, person] of Object.entries(CALLERS)) {
        const { status, text } = await probe(route, { authorization: `Bearer ${tokens[name]}` });
        const expected = expectedFor(policy, person);
        const ok = expected === 'allowed' ? status !== 401 && status !== 403 : status === expected;
        if (!ok) mismatches.push(`${route.method} ${route.path} as ${name}: ${status}, expected ${expected} (${text.slice(0, 120)})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('401 with a WWW-Authenticate challenge without a token, with an expired one and with a wrongly-signed one', async () => {
    const expired = await tokenFor(api.keys, { roles: ['planner'], issuedAt: new Date(Date.now() - 7200_000) });
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ name: 'x', roles: ['planner'], departments: [] })
      .setProtectedHeader({ alg: 'ES256' }).setIssuer('planledger').setSubject('x').setJti('x').setExpirationTime('1h').sign(privateKey);
    const callers: [string, Record<string, string>][] = [
      ['no token', {}], ['expired', { authorization: `Bearer ${expired}` }], ['wrongly signed', { authorization: `Bearer ${forged}` }],
      ['not a bearer', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ];
    const mismatches: string[] = [];
    for (const route of registeredRoutes()) {
      const isPublic = routePolicies[route.operation!].access === 'public';
      for (const [name, headers] of callers) {
        const response = await probe(route, headers);
        const ok = isPublic ? response.status !== 401 && response.status !== 403 : response.status === 401 && /^Bearer realm="planledger"/.test(response.headers.get('www-authenticate') ?? '');
        if (!ok) mismatches.push(`${route.method} ${route.path} ${name}: ${response.status}`);
        // The answer names the reason, never the token.
        if (headers.authorization) expect(response.text).not.toContain(headers.authorization.slice(7));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("a department head gets 403 on another department's inbox and actions; the bureau head reaches its schools", async () => {
    const foreign = { authorization: `Bearer ${tokens['foreign head']}` };
    expect((await call(api.url, 'GET', `/departments/${HOLDER}/inbox`, { headers: foreign })).status).toBe(403);
    expect((await call(api.url, 'GET', `/assignments/${PLAN}.${ASSIGNMENT}/history`, { headers: foreign })).status).toBe(403);
    expect((await call(api.url, 'POST', `/assignments/${PLAN}.${ASSIGNMENT}/acknowledge`, { headers: foreign })).status).toBe(403);
    const parent = await call(api.url, 'GET', `/departments/${HOLDER}/inbox`, { headers: { authorization: `Bearer ${tokens['parent head']}` } });
    expect(parent.status).toBe(200);
    expect(parent.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toContain(ASSIGNMENT);
  });

  it('an auditor gets 403 on every write', async () => {
    const writes = registeredRoutes().filter((r) => { const p = routePolicies[r.operation!]; return p.access === 'token' && p.kind === 'write'; });
    expect(writes.length).toBeGreaterThan(10);
    for (const route of writes) expect({ route: route.path, status: (await probe(route, { authorization: `Bearer ${tokens.auditor}` })).status }).toEqual({ route: route.path, status: 403 });
  });

  it('records the holder head as the actor, in their department', async () => {
    const acknowledged = await call(api.url, 'POST', `/assignments/${PLAN}.${ASSIGNMENT}/acknowledge`, { headers: { authorization: `Bearer ${tokens['holder head']}` } });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.events[0].actor).toEqual({ userId: 'holder-head', role: 'department_head', departmentId: HOLDER });
  });
});
