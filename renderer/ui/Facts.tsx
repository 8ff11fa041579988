import type { ReactNode } from 'react';

/** A titled block of label/value pairs on a detail screen. */
export function Facts({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="facts">
      <h2>{title}</h2>
      <dl>{children}</dl>
    </section>
  );
}

/** One labelled value; an empty value shows a dash so gaps are visible at a glance. */
export function Fact({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <>
      <dt>{label}</dt>
      {/* The dash in the plain font: a monospaced one draws it short, like "–", unlike every other gap. */}
      <dd className={mono && !empty ? 'mono' : undefined}>{empty ? <span className="muted">—</span> : children}</dd>
    </>
  );
}
