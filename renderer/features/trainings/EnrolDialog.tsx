import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolOutcome, SessionDetail } from '../../../shared/contract/trainings';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { call } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { formatDate, fullName } from '../../ui/format';
import { translateProblem } from '../../ui/problems';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';
import { useModal } from '../../ui/useModal';

const FOUND = 30;

/**
 * Enrolment from the roster: search, tick several people (the ticks survive a new search), add
 * them all at once. The answer is per person: a place, a place in the waiting list, or the reason
 * they were refused (too young, no prerequisite, inactive or erased).
 */
export function EnrolDialog({ session, exclude, onClose, onEnrolled }: { session: SessionDetail; exclude: ReadonlySet<string>; onClose(): void; onEnrolled(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Map<string, VolunteerRow>>(new Map());
  const [outcomes, setOutcomes] = useState<{ outcome: EnrolOutcome; name: string }[] | null>(null);
  const action = useAction();
  const query = useDebounced(text.trim(), 150);
  const found = useLoad(() => call('volunteers.search', { text: query, limit: FOUND }), [query]);
  const rows = (found.data?.rows ?? []).filter((r) => !exclude.has(r.id));

  const dialog = useModal<HTMLDivElement>(onClose);

  const toggle = (row: VolunteerRow, on: boolean) =>
    setChosen((map) => {
      const next = new Map(map);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });

  const enrol = async () => {
    const people = [...chosen.values()];
    const result = await action.run(() => call('trainings.enrol', { sessionId: session.id, volunteerIds: people.map((p) => p.id) }));
    if (!result) return;
    const names = new Map(people.map((p) => [p.id, fullName(p)]));
    setOutcomes(result.outcomes.map((outcome) => ({ outcome, name: names.get(outcome.volunteerId) ?? outcome.volunteerId })));
    // The refused stay ticked, so a fixed record can be tried again.
    setChosen(new Map(people.filter((p) => result.outcomes.some((o) => o.volunteerId === p.id && o.outcome === 'refused')).map((p) => [p.id, p])));
    onEnrolled();
  };

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" ref={dialog} role="dialog" aria-modal="true" aria-labelledby="enrol-title" data-testid="enrol-dialog">
        <div className="dialog-head">
          <h2 id="enrol-title">{t('trainings.enrol.title')}</h2>
          <span className="muted">{t('trainings.enrol.places', { free: Math.max(0, session.capacity - session.enrolled), capacity: session.capacity })}</span>
          <span className="spacer" />
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
        <input type="search" className="search" aria-label={t('trainings.enrol.search')} placeholder={t('roster.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        {rows.length > 1 && (
          <button type="button" className="link pick-all" onClick={() => rows.forEach((r) => toggle(r, true))}>
            {t('trainings.enrol.pickAll', { count: rows.length })}
          </button>
        )}
        <ul className="pick-list" aria-label={t('trainings.enrol.found')}>
          {rows.map((r) => (
            <li key={r.id}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggle(r, e.target.checked)} data-testid="enrol-pick" />
                <span>{fullName(r)}</span>
                <span className="muted mono">{formatDate(r.birthDate)}</span>
              </label>
            </li>
          ))}
          {found.data && rows.length === 0 && <li className="muted">{t('roster.empty')}</li>}
        </ul>
        {(found.data?.total ?? 0) > FOUND && <p className="muted small">{t('trainings.enrol.narrow', { count: found.data!.total })}</p>}
        {chosen.size > 0 && (
          <p className="chosen" data-testid="enrol-chosen">
            {t('trainings.enrol.chosen', { count: chosen.size })}: {[...chosen.values()].map((p) => fullName(p)).join(', ')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="primary" disabled={chosen.size === 0 || action.busy} onClick={() => void enrol()} data-testid="enrol-submit">
            {t('trainings.enrol.submit', { count: chosen.size })}
          </button>
          <ErrorText error={action.error} />
        </div>
        {outcomes && <Outcomes outcomes={outcomes} />}
      </div>
    </div>
  );
}

function Outcomes({ outcomes }: { outcomes: { outcome: EnrolOutcome; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="outcomes" aria-label={t('trainings.enrol.outcomes')} data-testid="enrol-outcomes">
      {outcomes.map(({ outcome: o, name }) => (
        <li key={o.volunteerId} className={`outcome-${o.outcome}`} data-testid="enrol-outcome">
          <strong>{name}</strong>
          {' — '}
          {o.outcome === 'enrolled' && t('trainings.enrol.outcome.enrolled')}
          {o.outcome === 'waitlisted' && t('trainings.enrol.outcome.waitlisted', { position: o.position ?? '' })}
          {o.outcome === 'refused' && (
            <>
              {t('trainings.enrol.outcome.refused')}: {translateProblem(t, { key: o.reason ?? 'error.invalid', ...(o.params ? { params: o.params } : {}) })}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
