import type { ReactNode } from 'react';
import type { Role } from '../../shared/domain/vocabulary';

/** The parameters a path pattern names: 'volunteers/:id/edit' → { id: string }. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Record<Name, string> & ParamsOf<Rest>
  : P extends `${string}:${infer Name}`
    ? Record<Name, string>
    : unknown;

/**
 * The query parameters a screen reads from its address ('#/volunteers?status=active'): its initial
 * filters, each a string as typed in the address and each optional.
 */
export type QueryOf<Q extends string> = [Q] extends [never] ? unknown : { query?: Partial<Record<Q, string>> };

export interface RouteDef<N extends string = string, P extends string = string, Q extends string = string> {
  name: N;
  /** Segments after '#/'; ':name' segments are parameters. */
  path: P;
  // Method syntax on purpose: one table holds definitions with different parameters.
  screen(params: ParamsOf<P> & QueryOf<Q>): ReactNode;
  /** The query parameters the screen reads; any other in the address is ignored. */
  query?: readonly Q[];
  /** Translation key of the header navigation entry this route has, if any. */
  nav?: string;
  /** The navigation entry shown as current while this route is open. */
  under?: string;
  /** The lowest role that may open it; anyone else gets the first route's screen instead. */
  role?: Role;
}

export function route<const N extends string, const P extends string, const Q extends string = never>(
  name: N,
  path: P,
  screen: (params: ParamsOf<P> & QueryOf<Q>) => ReactNode,
  options: Pick<RouteDef, 'nav' | 'under' | 'role'> & { query?: readonly Q[] } = {},
): RouteDef<N, P, Q> {
  return { name, path, screen, ...options };
}
