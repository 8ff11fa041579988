import { create } from 'zustand';
import { problemOf } from './problems';

export interface Toast {
  id: number;
  kind: 'ok' | 'error';
  key: string;
  params?: Record<string, string | number> | undefined;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS = 5000;

/** Short messages after an action (saved, deleted, or a failure that has no better place). */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    window.setTimeout(() => get().dismiss(id), LIFETIME_MS);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toastOk = (key: string, params?: Record<string, string | number>) => useToasts.getState().push({ kind: 'ok', key, params });
export const toastError = (error: unknown) => useToasts.getState().push({ kind: 'error', ...problemOf(error) });
