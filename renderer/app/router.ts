import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the screens are few and the app runs from a custom protocol or a local
 * host, so the fragment is the one piece of URL every transport leaves alone.
 */
export type Route =
  | { name: 'volunteers' }
  | { name: 'volunteerNew' }
  | { name: 'volunteer'; id: string }
  | { name: 'volunteerEdit'; id: string }
  | { name: 'organisations' }
  | { name: 'organisationNew' }
  | { name: 'organisation'; id: string }
  | { name: 'organisationEdit'; id: string }
  | { name: 'users' }
  | { name: 'office' }
  | { name: 'rosterImport' }
  | { name: 'exchange' }
  | { name: 'conflicts' }
  | { name: 'duplicates' }
  | { name: 'trust' }
  | { name: 'password' };

export function parseRoute(hash: string): Route {
  const [section, id, action] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (section === 'organisations') {
    if (id === 'new') return { name: 'organisationNew' };
    if (id) return action === 'edit' ? { name: 'organisationEdit', id } : { name: 'organisation', id };
    return { name: 'organisations' };
  }
  if (section === 'users') return { name: 'users' };
  if (section === 'office') return { name: 'office' };
  if (section === 'roster-import') return { name: 'rosterImport' };
  if (section === 'exchange') return { name: 'exchange' };
  if (section === 'conflicts') return { name: 'conflicts' };
  if (section === 'duplicates') return { name: 'duplicates' };
  if (section === 'trust') return { name: 'trust' };
  if (section === 'password') return { name: 'password' };
  if (section === 'volunteers' && id === 'new') return { name: 'volunteerNew' };
  if (section === 'volunteers' && id) return action === 'edit' ? { name: 'volunteerEdit', id } : { name: 'volunteer', id };
  return { name: 'volunteers' };
}

export function hrefFor(route: Route): string {
  const id = 'id' in route ? encodeURIComponent(route.id) : '';
  switch (route.name) {
    case 'volunteers': return '#/volunteers';
    case 'volunteerNew': return '#/volunteers/new';
    case 'volunteer': return `#/volunteers/${id}`;
    case 'volunteerEdit': return `#/volunteers/${id}/edit`;
    case 'organisations': return '#/organisations';
    case 'organisationNew': return '#/organisations/new';
    case 'organisation': return `#/organisations/${id}`;
    case 'organisationEdit': return `#/organisations/${id}/edit`;
    case 'users': return '#/users';
    case 'office': return '#/office';
    case 'rosterImport': return '#/roster-import';
    case 'exchange': return '#/exchange';
    case 'conflicts': return '#/conflicts';
    case 'duplicates': return '#/duplicates';
    case 'trust': return '#/trust';
    case 'password': return '#/password';
  }
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
