import { useTranslation } from 'react-i18next';
import { useLang } from '../app/i18n';
import { timeLeftText } from './progress-estimate';
import type { LongCall } from './useLongCall';

/**
 * A long call under way: the phase in words, a real progress bar with done / total, the time left
 * once it can be estimated, and Cancel. Renders nothing when the call is not running.
 */
export function LongCallProgress({ call, testId }: { call: LongCall; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!call.busy) return null;
  const report = call.report;
  const known = report !== null && report.total > 0;
  const numbers = new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru');
  const phase = report ? t(`progress.phase.${report.phase}`) : t('common.wait');
  const left = call.left === null ? null : timeLeftText(call.left);
  return (
    <div className="long-progress" data-testid={testId ?? 'long-progress'} aria-busy="true">
      <div className="long-progress-line">
        <span className="long-progress-phase" data-testid="progress-phase">{phase}</span>
        {known && <span className="mono small" data-testid="progress-count">{t('progress.of', { done: numbers.format(report.done), total: numbers.format(report.total) })}</span>}
        <span className="spacer" />
        {left && !call.cancelling && (
          <span className="muted small" data-testid="progress-left">{t('progress.left', { time: t(left.key, { count: left.count }) })}</span>
        )}
      </div>
      <div className="long-progress-row">
        <div
          className={`long-progress-bar${known ? '' : ' indeterminate'}`}
          role="progressbar"
          aria-label={phase}
          aria-valuemin={0}
          aria-valuemax={known ? report.total : undefined}
          aria-valuenow={known ? report.done : undefined}
          aria-valuetext={known ? t('progress.of', { done: report.done, total: report.total }) : phase}
        >
          <div className="long-progress-fill" style={known ? { width: `${(100 * report.done) / report.total}%` } : undefined} />
        </div>
        <button type="button" data-testid="progress-cancel" onClick={call.cancel} disabled={call.cancelling}>
          {call.cancelling ? t('progress.cancelling') : t('progress.cancel')}
        </button>
      </div>
    </div>
  );
}
