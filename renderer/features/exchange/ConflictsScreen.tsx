import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { problemsFromZod } from '../../../shared/contract/errors';
import type { ConflictViewData } from '../../../shared/contract/exchange';
import { volunteerFields } from '../../../shared/domain/volunteer';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { dateForInput, formatDate, formatDateTime } from '../../ui/format';
import { translateProblem } from '../../ui/problems';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { ExchangeTabs } from './ExchangeTabs';
import { displayValue, editableValue, fieldLabel, splitActor } from './values';

const PAGE = 100;

/**
 * The conflict review list. When two offices changed the same field at the same time, one value
 * won everywhere and the other was set aside; here a coordinator sees both side by side, with who
 * and when, and keeps one or types the right value. The choice is an ordinary edit that travels
 * to the other offices with the next bundle.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const [round, setRound] = useState(0);
  const list = useLoad(() => call('conflicts.list', { includeResolved: showResolved, limit: PAGE }), [showResolved, round]);
  const changed = () => setRound((r) => r + 1);
  const items = list.data?.items ?? [];

  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.conflicts.title')}</h1>
        {list.data && <span className="count">{t('exchange.conflicts.count', { n: list.data.total })}</span>}
        <span className="spacer" />
        <label className="checkbox">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t('exchange.conflicts.showResolved')}
        </label>
      </div>
      <ExchangeTabs current="conflicts" refresh={round} />
      <p className="muted small">{t('exchange.conflicts.intro')}</p>
      <ErrorText error={list.error} />
      {list.loading && !list.data && <p className="muted">{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p className="empty">{t('exchange.conflicts.empty')}</p>}
      <div className="review-list">
        {items.map((c) => (
          <ConflictCard key={c.id} conflict={c} onResolved={changed} />
        ))}
      </div>
      {list.data && list.data.total > items.length && <p className="muted small">{t('exchange.conflicts.more', { shown: items.length, total: list.data.total })}</p>}
    </div>
  );
}

/** Fields a coordinator may type a value for (closed lists are settled by choosing a side). */
const EDITABLE_VOLUNTEER = new Set([
  'last_name', 'first_name', 'middle_name', 'last_name_latin', 'first_name_latin', 'iin', 'birth_date', 'phone', 'email',
  'district', 'locality', 'consent_date', 'guardian_name', 'guardian_phone', 'guardian_consent_date', 'emergency_contact_name',
  'emergency_contact_phone', 'notes',
]);
const EDITABLE_ORGANISATION = new Set(['name', 'bin', 'contact_name', 'phone', 'email', 'notes']);
const DATE_FIELDS = new Set(['birth_date', 'consent_date', 'guardian_consent_date']);

const camel = (field: string) => field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function canEdit(c: ConflictViewData): boolean {
  if (c.kind !== 'field') return false;
  return c.table === 'volunteers' ? EDITABLE_VOLUNTEER.has(c.field) : c.table === 'organisations' && EDITABLE_ORGANISATION.has(c.field);
}

function recordHref(c: ConflictViewData): string | null {
  if (c.table === 'volunteers') return hrefFor({ name: 'volunteer', id: c.rowId });
  if (c.table === 'organisations') return hrefFor({ name: 'organisation', id: c.rowId });
  return null;
}

function ConflictCard({ conflict: c, onResolved }: { conflict: ConflictViewData; onResolved(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const resolved = c.resolvedAt !== null;
  const href = recordHref(c);

  const resolve = async (input: { choice: 'winner' | 'loser' } | { choice: 'value'; value: string | number | null }) => {
    const done = await action.run(() => call('conflicts.resolve', { id: c.id, ...input }), toastError);
    if (done) {
      toastOk('exchange.conflicts.resolved');
      setEditing(false);
      onResolved();
    }
  };

  const isDelete = c.kind === 'delete';
  return (
    <article className={`review-card${resolved ? ' resolved' : ''}`} data-testid="conflict" aria-labelledby={`conflict-${c.id}`}>
      <header className="review-head">
        <h2 id={`conflict-${c.id}`}>
          {href && !resolved ? <a href={href}>{c.label}</a> : c.label}
        </h2>
        <span className="badge">{isDelete ? t('exchange.conflicts.deleteKind') : fieldLabel(t, c.table, c.field)}</span>
        <span className="spacer" />
        <span className="muted small">{t('exchange.conflicts.detected', { at: formatDateTime(c.detectedAt) })}</span>
      </header>
      <div className="sides">
        <Side conflict={c} side="winner" />
        <Side conflict={c} side="loser" />
      </div>
      {resolved ? (
        <p className="muted small">
          {t('exchange.conflicts.resolvedBy', { at: formatDateTime(c.resolvedAt), by: splitActor(c.resolvedBy ?? '').login })}
          {c.resolution ? ` · ${t(`exchange.conflicts.resolution.${c.resolution}`, { defaultValue: c.resolution })}` : ''}
        </p>
      ) : (
        <div className="review-actions">
          <button type="button" data-testid="conflict-keep-winner" onClick={() => void resolve({ choice: 'winner' })} disabled={action.busy}>
            {isDelete ? t('exchange.conflicts.keepDeleted') : t('exchange.conflicts.keepWinner')}
          </button>
          <button type="button" data-testid="conflict-keep-loser" onClick={() => void resolve({ choice: 'loser' })} disabled={action.busy}>
            {isDelete ? t('exchange.conflicts.restore') : t('exchange.conflicts.keepLoser')}
          </button>
          {canEdit(c) && !editing && (
            <button type="button" data-testid="conflict-edit" onClick={() => setEditing(true)} disabled={action.busy}>
              {t('exchange.conflicts.edit')}
            </button>
          )}
          {editing && <EditValue conflict={c} busy={action.busy} onSave={(value) => void resolve({ choice: 'value', value })} onCancel={() => setEditing(false)} />}
        </div>
      )}
      {!editing && <ErrorText error={action.error} />}
    </article>
  );
}

/** One side of a conflict: the value and who wrote it, where and when. */
function Side({ conflict: c, side }: { conflict: ConflictViewData; side: 'winner' | 'loser' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = c[side];
  const who = splitActor(s.actor);
  const isDelete = c.kind === 'delete';
  // In a delete conflict one side is the deletion, the other the edits made without knowing of it.
  const edits = isDelete && typeof s.value === 'object' && s.value !== null ? Object.entries(s.value as Record<string, unknown>) : null;
  const chosen = c.resolution === side;
  return (
    <section className={`side side-${side}${chosen ? ' chosen' : ''}`} data-testid={`conflict-${side}`}>
      <h3>{side === 'winner' ? t('exchange.conflicts.winner') : t('exchange.conflicts.loser')}</h3>
      {edits ? (
        <dl className="side-edits">
          {edits.map(([field, value]) => (
            <div key={field}>
              <dt>{fieldLabel(t, c.table, field)}</dt>
              <dd>{displayValue(t, lang, field, value) || <span className="muted">—</span>}</dd>
            </div>
          ))}
        </dl>
      ) : isDelete ? (
        <p className="side-value">{t('exchange.conflicts.deletedValue')}</p>
      ) : (
        <p className="side-value" data-testid={`conflict-${side}-value`}>
          {displayValue(t, lang, c.field, s.value) || <span className="muted">{t('exchange.conflicts.emptyValue')}</span>}
        </p>
      )}
      <p className="muted small">
        {t('exchange.conflicts.who', { by: who.login, office: who.office ? `${who.office} · ${regionName(who.office, lang)}` : '—', at: formatDateTime(s.at) })}
      </p>
    </section>
  );
}

function EditValue({ conflict: c, busy, onSave, onCancel }: { conflict: ConflictViewData; busy: boolean; onSave(value: string | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const isDate = DATE_FIELDS.has(c.field);
  const start = editableValue(c.winner.value);
  const [text, setText] = useState(isDate ? formatDate(start) : start);
  const [problem, setProblem] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const id = `conflict-value-${c.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw = isDate ? dateForInput(text) : text.trim();
    if (c.table === 'volunteers') {
      // The record's own rules, as the volunteer form applies them (normalised phone, IIN, ISO date).
      const schema = (volunteerFields as Record<string, z.ZodType>)[camel(c.field)];
      if (schema) {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          setProblem(problemsFromZod(parsed.error)[0] ?? { key: 'error.invalid' });
          return;
        }
        setProblem(null);
        const value = parsed.data;
        onSave(typeof value === 'string' ? value : null);
        return;
      }
    }
    setProblem(null);
    onSave(raw === '' ? null : raw);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="muted small">{t('exchange.conflicts.newValue')}</label>
      <input id={id} data-testid="conflict-value" value={text} autoFocus onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} placeholder={isDate ? t('exchange.conflicts.datePlaceholder') : undefined} />
      <button type="submit" className="primary" disabled={busy}>{t('exchange.conflicts.saveValue')}</button>
      <button type="button" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
      {problem && <span className="field-error" role="alert">{translateProblem(t, problem)}</span>}
    </form>
  );
}
