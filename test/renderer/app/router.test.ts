import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, routeDef, type Route } from '../../../renderer/app/router';
import { ROUTES } from '../../../renderer/app/routes';
import { TABLES } from '../../../shared/domain/tables';

describe('the route table', () => {
  it('gives every route an address that reads back as the same route', () => {
    for (const def of ROUTES) {
      const route = { name: def.name, ...(def.path.includes(':id') ? { id: 'a b/ü' } : {}) } as Route;
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });

  it('keeps the addresses the app has always used', () => {
    expect(hrefFor({ name: 'volunteerEdit', id: 'v1' })).toBe('#/volunteers/v1/edit');
    expect(hrefFor({ name: 'rosterImport' })).toBe('#/roster-import');
    expect(hrefFor({ name: 'organisationNew' })).toBe('#/organisations/new');
  });

  it.each<[string, Route]>([
    ['', { name: 'dashboard' }],
    ['#/', { name: 'dashboard' }],
    ['#/nowhere', { name: 'dashboard' }],
    ['#/volunteers/', { name: 'volunteers' }],
    ['#/volunteers/new', { name: 'volunteerNew' }],
    ['#/volunteers/new/edit', { name: 'volunteerNew' }],
    ['#/volunteers/v1/other', { name: 'volunteer', id: 'v1' }],
    ['#/organisations/o1/edit', { name: 'organisationEdit', id: 'o1' }],
    ['#/users/extra', { name: 'users' }],
    ['#/trainings/sessions/new', { name: 'sessionNew' }],
    ['#/trainings/sessions/s1', { name: 'session', id: 's1' }],
    ['#/trainings/programs', { name: 'trainingPrograms' }],
    ['#/trainings/kinds/k1/edit', { name: 'kindEdit', id: 'k1' }],
    ['#/events/new', { name: 'eventNew' }],
    ['#/events/e1', { name: 'event', id: 'e1' }],
    ['#/events/e1/edit', { name: 'eventEdit', id: 'e1' }],
    ['#/roster-import', { name: 'rosterImport' }],
  ])('reads %j as the hand-written parser did', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads the query parameters a route declares, and only those, non-empty', () => {
    expect(parseRoute('#/volunteers?status=active&createdFrom=2026-11-01&nope=1&region=')).toEqual({ name: 'volunteers', query: { status: 'active', createdFrom: '2026-11-01' } });
    expect(parseRoute('#/users?status=active')).toEqual({ name: 'users' });
    expect(parseRoute('#/volunteers/v1?status=active')).toEqual({ name: 'volunteer', id: 'v1' });
    expect(parseRoute('#/volunteers?')).toEqual({ name: 'volunteers' });
  });

  it('writes a query into the address and reads it back', () => {
    expect(hrefFor({ name: 'volunteers', query: { status: 'active', region: '' } })).toBe('#/volunteers?status=active');
    expect(hrefFor({ name: 'volunteers', query: {} })).toBe('#/volunteers');
    const route: Route = { name: 'hours', query: { from: '2026-11-01', to: '2026-11-28', verified: '1' } };
    expect(hrefFor(route)).toBe('#/hours?from=2026-11-01&to=2026-11-28&verified=1');
    expect(parseRoute(hrefFor(route))).toEqual(route);
    const odd: Route = { name: 'volunteers', query: { region: 'a&b=c?d #e' } };
    expect(parseRoute(hrefFor(odd))).toEqual(odd);
  });

  it('puts every screen under a navigation entry or leaves it out of navigation on purpose', () => {
    const entries = new Set(ROUTES.filter((def) => def.nav).map((def) => def.name));
    for (const def of ROUTES) {
      const under = routeDef(def.name).under;
      if (under !== undefined) expect(entries).toContain(under);
    }
    expect(ROUTES.filter((def) => def.nav).map((def) => def.nav)).toEqual(['dashboard.nav', 'nav.volunteers', 'nav.organisations', 'events.nav', 'trainings.nav', 'exchange.nav', 'nav.users', 'nav.office']);
  });

  it('has a screen taking an id for every replicated table that declares one (the Conflicts screen links there)', () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      if (!('screen' in spec) || !spec.screen) continue;
      expect(ROUTES.find((r) => r.name === spec.screen)?.path, `${table} → ${spec.screen}`).toMatch(/:id$/);
    }
  });
});
