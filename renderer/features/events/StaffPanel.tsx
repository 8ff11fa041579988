import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignOutcome, ShiftRow } from '../../../shared/contract/events';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone, fullName } from '../../ui/format';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';

const SUGGESTED = 20;
const FOUND = 10;

/** Someone ticked to put on the shift, with the name to show beside their outcome. */
type Chosen = Map<string, string>;

/**
 * Staffing one shift: the core's suggestions, best first, each with its reasons in words; anyone
 * else found by name, IIN or phone; tick several and assign them at once. The answer is per
 * person: assigned, or refused with its one reason.
 */
export function StaffPanel({ shift, onAssigned }: { shift: ShiftRow; onAssigned(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [chosen, setChosen] = useState<Chosen>(new Map());
  const [outcomes, setOutcomes] = useState<{ outcome: AssignOutcome; name: string }[] | null>(null);
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const action = useAction();
  const suggested = useLoad(() => call('events.suggest', { shiftId: shift.id, limit: SUGGESTED }), [shift.id, shift.filled]);
  const found = useLoad(() => (query ? call('volunteers.search', { text: query, limit: FOUND }) : Promise.resolve(null)), [query]);
  const onShift = new Set(shift.assignments.map((a) => a.volunteerId));

  const toggle = (id: string, name: string, on: boolean) =>
    setChosen((map) => {
      const next = new Map(map);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  const tick = (id: string, name: string) => (
    <input type="checkbox" checked={chosen.has(id)} onChange={(e) => toggle(id, name, e.target.checked)} aria-label={name} />
  );

  const assign = async () => {
    const people = [...chosen];
    const result = await action.run(() => call('events.assign', { shiftId: shift.id, volunteerIds: people.map(([id]) => id) }));
    if (!result) return;
    const names = new Map(people);
    setOutcomes(result.outcomes.map((outcome) => ({ outcome, name: names.get(outcome.volunteerId) ?? outcome.volunteerId })));
    // The refused stay ticked, so a fixed record can be tried again.
    setChosen(new Map(people.filter(([id]) => result.outcomes.some((o) => o.volunteerId === id && o.outcome === 'refused'))));
    onAssigned();
  };

  return (
    <div className="staff-panel" data-testid="staff-panel">
      <h4>{t('events.staff.suggestTitle')}</h4>
      <ErrorText error={suggested.error} />
      {suggested.data?.length === 0 && <p className="muted">{t('events.staff.noSuggestions')}</p>}
      <ol className="candidate-list">
        {(suggested.data ?? []).map((s) => (
          <li key={s.volunteerId} data-testid="suggestion">
            <label>
              {tick(s.volunteerId, s.name)}
              <strong>{s.name}</strong>
            </label>
            <span className="mono muted">{displayPhone(s.phone)}</span>
            {s.region && <span className="muted">{regionName(s.region, lang)}</span>}
            <span className="reasons">
              {s.reasons.filter((r) => r !== 'fewerHours').map((r) => <span key={r} className="chip ok">{t(`events.staff.reason.${r}`)}</span>)}
              <span className="chip">{t('events.staff.hoursThisMonth', { hours: s.hoursThisMonth })}</span>
            </span>
          </li>
        ))}
      </ol>
      <input type="search" className="search" aria-label={t('events.staff.find')} placeholder={t('events.staff.find')} value={text} onChange={(e) => setText(e.target.value)} data-testid="staff-find" />
      {found.data && (
        <ul className="candidate-list">
          {found.data.rows.filter((r) => !onShift.has(r.id)).map((r) => (
            <li key={r.id} data-testid="found">
              <label>{tick(r.id, fullName(r))} {fullName(r)}</label>
              <span className="mono muted">{displayPhone(r.phone)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <ErrorText error={action.error} />
        <button type="button" className="primary" disabled={action.busy || chosen.size === 0} onClick={() => void assign()} data-testid="staff-assign">
          {t('events.staff.assign')} ({chosen.size})
        </button>
      </div>
      {outcomes && (
        <ul className="outcomes" aria-live="polite">
          {outcomes.map(({ outcome, name }) => (
            <li key={outcome.volunteerId} data-testid="assign-outcome" data-outcome={outcome.outcome} className={outcome.outcome === 'refused' ? 'refused' : 'assigned'}>
              {name} — {outcome.outcome === 'refused' ? `${t('events.staff.refused')}: ${t(`error.events.${outcome.reason}`)}` : t('events.staff.assigned')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
