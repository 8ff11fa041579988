import { useTranslation } from 'react-i18next';

export interface PagerProps {
  /** Zero-based page number. */
  page: number;
  pageSize: number;
  /** How many items the current page holds. */
  shown: number;
  total: number;
  /** What the pages are of, for screen readers ("Pages of conflicts"). */
  label: string;
  onPage(page: number): void;
  testId?: string;
}

/**
 * Previous / next through a list the core pages, with where this page sits: "51–100 of 230".
 * Renders nothing when everything fits on one page.
 */
export function Pager({ page, pageSize, shown, total, label, onPage, testId }: PagerProps) {
  const { t } = useTranslation();
  if (total <= pageSize && page === 0) return null;
  const from = Math.min(total, page * pageSize + 1);
  const last = page * pageSize + shown >= total;
  return (
    <nav className="pager" aria-label={label} data-testid={testId}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>← {t('paging.previous')}</button>
      <span className="muted" data-testid={testId ? `${testId}-range` : undefined}>{t('paging.range', { from, to: page * pageSize + shown, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={last}>{t('paging.next')} →</button>
    </nav>
  );
}

/** The page to show once the total is known: a page emptied by decisions or merges moves back to the last page that has items. */
export function lastPageWithItems(page: number, pageSize: number, total: number): number {
  return Math.min(page, Math.max(0, Math.ceil(total / pageSize) - 1));
}
