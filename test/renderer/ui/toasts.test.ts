import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The store schedules each toast's end on `window`; node has no window, its timers do the same.
vi.stubGlobal('window', globalThis);
const { useToasts } = await import('../../../renderer/ui/toasts');

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => vi.useRealTimers());

  const keys = () => useToasts.getState().toasts.map((t) => t.key);

  it('do not stack the same message twice, and keep at most three', () => {
    const { push } = useToasts.getState();
    push({ kind: 'ok', key: 'saved' });
    push({ kind: 'ok', key: 'saved' });
    expect(keys()).toEqual(['saved']);
    for (const key of ['a', 'b', 'c']) push({ kind: 'ok', key });
    expect(keys()).toEqual(['a', 'b', 'c']);
  });

  it('stay on the screen they were shown on, except the one the move itself caused', () => {
    const { push, leftScreen } = useToasts.getState();
    push({ kind: 'error', key: 'old problem' });
    vi.advanceTimersByTime(2000);
    push({ kind: 'ok', key: 'saved' });
    leftScreen();
    expect(keys()).toEqual(['saved']);
  });

  it('go by themselves after five seconds', () => {
    useToasts.getState().push({ kind: 'ok', key: 'saved' });
    vi.advanceTimersByTime(5001);
    expect(keys()).toEqual([]);
  });
});
