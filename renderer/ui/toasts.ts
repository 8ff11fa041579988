import { create } from 'zustand';
import { problemOf } from './problems';

export interface Toast {
  id: number;
  kind: 'ok' | 'error';
  key: string;
  params?: Record<string, string | number> | undefined;
  /** When it appeared (ms): a toast belongs to the screen it was shown on. */
  at: number;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id' | 'at'>): void;
  dismiss(id: number): void;
  /** Another screen opened: what was said on the last one no longer applies, except what the move itself caused. */
  leftScreen(): void;
}

let nextId = 1;
const LIFETIME_MS = 5000;
/** A toast this young was caused by the action that moved to the new screen ("Saved", then the profile opens). */
const CARRIED_OVER_MS = 1000;
const same = (a: Omit<Toast, 'id' | 'at'>, b: Omit<Toast, 'id' | 'at'>) => a.kind === b.kind && a.key === b.key && JSON.stringify(a.params) === JSON.stringify(b.params);

/** Short messages after an action (saved, deleted, or a failure that has no better place). */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    // The same message again replaces the one shown instead of stacking a copy on it.
    const others = get().toasts.filter((t) => !same(t, toast));
    set({ toasts: [...others.slice(-2), { ...toast, id, at: Date.now() }] });
    window.setTimeout(() => get().dismiss(id), LIFETIME_MS);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  leftScreen: () => set({ toasts: get().toasts.filter((t) => Date.now() - t.at < CARRIED_OVER_MS) }),
}));

export const toastOk = (key: string, params?: Record<string, string | number>) => useToasts.getState().push({ kind: 'ok', key, params });
export const toastError = (error: unknown) => useToasts.getState().push({ kind: 'error', ...problemOf(error) });
