import { useEffect, useRef, useState } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog for the keyboard: Escape closes it, Tab and Shift+Tab go round inside it (the
 * page behind is not there for it), and on closing the focus goes back where it was (the button
 * that opened it), so a keyboard user does not start again from the top of the page.
 */
export function useModal<T extends HTMLElement>(onClose: () => void) {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Taken while the dialog first renders: by the time effects run, autoFocus has moved the focus in.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    // Opened by a button, the focus moves in (unless a field took it already): a screen reader reads the dialog.
    const shown = ref.current;
    if (shown && !shown.contains(document.activeElement)) shown.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return close.current();
      const box = ref.current;
      if (e.key !== 'Tab' || !box) return;
      const inside = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      if (inside.length === 0) return;
      const first = inside[0]!;
      const last = inside[inside.length - 1]!;
      const at = document.activeElement;
      if (!box.contains(at)) {
        e.preventDefault();
        first.focus();
      } else if (e.shiftKey && at === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  return ref;
}
