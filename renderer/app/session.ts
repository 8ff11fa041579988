import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { contract, type CallName } from '../../shared/contract';
import type { Office, User } from '../../shared/contract/session';
import { roleAtLeast, type Role } from '../../shared/domain/vocabulary';

interface SessionState {
  session: string | null;
  user: User | null;
  office: Office | null;
  /** A translation key telling why the user is back at sign-in (e.g. the session expired). */
  notice: string | null;
  signedIn(session: string, user: User): void;
  identified(user: User, office: Office): void;
  officeChanged(office: Office): void;
  signedOut(notice?: string): void;
}

/**
 * Who is signed in. Kept in memory and in sessionStorage, so a reload of the browser tab keeps
 * the user signed in while closing the tab (or the app) forgets the session.
 */
export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      user: null,
      office: null,
      notice: null,
      signedIn: (session, user) => set({ session, user, notice: null }),
      identified: (user, office) => set({ user, office }),
      officeChanged: (office) => set({ office }),
      signedOut: (notice) => set({ session: null, user: null, office: null, notice: notice ?? null }),
    }),
    {
      name: 'erikti.session',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ session: s.session, user: s.user, office: s.office }),
    },
  ),
);

/** Whether the signed-in user holds at least this role (the core enforces it; this only hides controls). */
export function useCan(role: Role): boolean {
  const user = useSession((s) => s.user);
  return user !== null && roleAtLeast(user.role, role);
}

/** useCan for a list of things that each name their role (routes); no role asked means anyone. */
export function useRoleCheck(): (role: Role | undefined) => boolean {
  const user = useSession((s) => s.user);
  return (role) => role === undefined || (user !== null && roleAtLeast(user.role, role));
}

/** Whether the signed-in user may make this call, by the role the contract asks for it (hides controls only). */
export function useMayCall(): (name: CallName) => boolean {
  const check = useRoleCheck();
  return (name) => {
    const access = contract[name].access;
    return access === 'public' || check(access);
  };
}
