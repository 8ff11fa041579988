import { useSyncExternalStore } from 'react';
import type { ParamsOf, QueryOf, RouteDef } from './route';
import { ROUTES } from './routes';

/**
 * A tiny hash router over the route table (routes.tsx): the screens are few and the app runs
 * from a custom protocol or a local host, so the fragment is the one piece of URL every
 * transport leaves alone.
 */
type Flat<T> = { [K in keyof T]: T[K] } & {};
type RouteOf<D> = D extends RouteDef<infer N, infer P, infer Q> ? Flat<{ name: N } & ParamsOf<P> & QueryOf<Q>> : never;
export type Route = RouteOf<(typeof ROUTES)[number]>;
export type RouteName = Route['name'];

const TABLE: readonly RouteDef[] = ROUTES;

export function routeDef(name: RouteName): RouteDef {
  return TABLE.find((def) => def.name === name) ?? TABLE[0]!;
}

/**
 * How well a pattern fits, segment by segment: a literal beats a parameter beats nothing, so
 * 'volunteers/new' wins over 'volunteers/:id', and extra trailing segments fall back to the
 * longest pattern that fits (as the hand-written parser did).
 */
function fit(pattern: string[], segments: string[]): number[] | null {
  if (pattern.length > segments.length) return null;
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const part = pattern[i];
    const segment = segments[i]!;
    if (part === undefined) score.push(0);
    else if (part.startsWith(':') && segment !== '') score.push(1);
    else if (part === segment) score.push(2);
    else return null;
  }
  return score;
}

const better = (a: number[], b: number[]) => {
  const i = a.findIndex((value, at) => value !== b[at]);
  return i >= 0 && a[i]! > b[i]!;
};

/** The query parameters the route declares, non-empty ones only; undefined when there are none. */
function queryOf(def: RouteDef, search: string): Record<string, string> | undefined {
  const given = new URLSearchParams(search);
  const query = Object.fromEntries((def.query ?? []).flatMap((key) => (given.get(key) ? [[key, given.get(key)!]] : [])));
  return Object.keys(query).length > 0 ? query : undefined;
}

export function parseRoute(hash: string): Route {
  const at = hash.indexOf('?');
  const [path, search] = at < 0 ? [hash, ''] : [hash.slice(0, at), hash.slice(at + 1)];
  const segments = path.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  let best: { def: RouteDef; score: number[] } | null = null;
  for (const def of TABLE) {
    const score = fit(def.path.split('/'), segments);
    if (score && (!best || better(score, best.score))) best = { def, score };
  }
  if (!best) return { name: TABLE[0]!.name } as Route;
  const route: Record<string, unknown> = { name: best.def.name };
  best.def.path.split('/').forEach((part, i) => {
    if (part.startsWith(':')) route[part.slice(1)] = segments[i]!;
  });
  const query = queryOf(best.def, search);
  if (query) route.query = query;
  return route as Route;
}

export function hrefFor(route: Route): string {
  const params = route as Record<string, unknown>;
  const path = routeDef(route.name).path.split('/').map((part) => (part.startsWith(':') ? encodeURIComponent(String(params[part.slice(1)] ?? '')) : part));
  const query = new URLSearchParams(Object.entries((params.query ?? {}) as Record<string, string | undefined>).filter((entry): entry is [string, string] => !!entry[1]));
  return `#/${path.join('/')}${query.size > 0 ? `?${query.toString()}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
