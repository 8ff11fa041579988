import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPORT_COLUMNS } from '../../../shared/contract/roster';
import { bulkAction, type BulkActionName, type BulkResult } from '../../../shared/contract/volunteers';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import type { RosterQuery } from '../../app/roster-store';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { toastOk } from '../../ui/toasts';
import { useLongCall } from '../../ui/useLongCall';
import { BulkTarget } from './BulkTarget';
import type { RosterSelection } from './useRosterSelection';

const ACTIONS: BulkActionName[] = ['deactivate', 'addToOrganisation', 'addSkill', 'addArea', 'enrol', 'assign'];
/** The argument each action names, by the contract's field name. */
const TARGET_FIELD: Record<BulkActionName, string | null> = {
  deactivate: 'reason', addToOrganisation: 'organisationId', addSkill: 'skill', addArea: 'area', enrol: 'sessionId', assign: 'shiftId',
};
const REFUSALS_SHOWN = 20;

interface Props {
  selection: RosterSelection;
  total: number;
  query: RosterQuery;
  /** After people changed: the table reloads. */
  onChanged(): void;
}

/** Above the roster while rows are selected: how many, "all N matching", the actions, and what the last one did. */
export function SelectionBar({ selection, total, query, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [action, setAction] = useState<BulkActionName | ''>('');
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<BulkResult | null>(null);
  const long = useLongCall();
  const count = selection.count;
  // The last answer stays while its people stay selected; clearing the selection (Esc) closes it.
  useEffect(() => {
    if (count === 0) setResult(null);
  }, [count]);
  if (count === 0 && !result && !long.busy && !long.error) return null;

  const field = action ? TARGET_FIELD[action] : null;
  const parsed = action ? bulkAction.safeParse(field ? { action, [field]: target } : { action }) : null;
  const ready = parsed?.success === true && count > 0 && !long.busy;

  const apply = async () => {
    const chosen = selection.selection();
    if (!parsed?.success || !chosen) return;
    setResult(null);
    const answer = await long.run('volunteers.bulk', { selection: chosen, do: parsed.data });
    if (answer) {
      setResult(answer);
      onChanged();
    }
  };

  const exportSelected = async () => {
    const chosen = selection.selection();
    if (!chosen) return;
    const file = await long.run('roster.export', { query, selection: chosen, columns: DEFAULT_EXPORT_COLUMNS, format: 'xlsx', lang });
    if (file && (await saveFile(file))) toastOk('rosterImport.exported', { count: file.rows });
  };

  return (
    <div className="selection-bar" data-testid="selection-bar" role="region" aria-label={t('bulk.region')}>
      <div className="selection-line">
        <strong data-testid="selection-count">{t('bulk.selected', { count })}</strong>
        {!selection.all && total > count && (
          <button type="button" className="link" data-testid="select-all-matching" onClick={selection.selectAll}>
            {t('bulk.selectAll', { count: total })}
          </button>
        )}
        <select
          id="bulk-action"
          aria-label={t('bulk.action')}
          value={action}
          data-testid="bulk-action"
          onChange={(e) => {
            setAction(e.target.value as BulkActionName | '');
            setTarget('');
          }}
        >
          <option value="">{t('bulk.action')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>{t(`bulk.actions.${a}`)}</option>
          ))}
        </select>
        {action && <BulkTarget action={action} value={target} onChange={setTarget} />}
        {action === 'deactivate' ? (
          <ConfirmButton label={t('bulk.apply')} question={t('bulk.confirmDeactivate', { count })} onConfirm={() => void apply()} disabled={!ready} danger />
        ) : (
          <button type="button" className="primary" data-testid="bulk-apply" disabled={!ready} onClick={() => void apply()}>
            {t('bulk.apply')}
          </button>
        )}
        <button type="button" data-testid="bulk-export" disabled={count === 0 || long.busy} onClick={() => void exportSelected()}>
          {t('bulk.export')}
        </button>
        <span className="spacer" />
        <button type="button" className="link" data-testid="selection-clear" onClick={selection.clear}>
          {t('bulk.clear')}
        </button>
      </div>
      <LongCallProgress call={long} testId="bulk-progress" />
      <ErrorText error={long.error} />
      {result && <BulkOutcome result={result} />}
    </div>
  );
}

function BulkOutcome({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  const shown = result.refusals.slice(0, REFUSALS_SHOWN);
  return (
    <div className="bulk-result" data-testid="bulk-result" role="status">
      <span>{t('bulk.result', { changed: result.changed, already: result.already, refused: result.refused })}</span>
      {shown.length > 0 && (
        <ul className="bulk-refusals">
          {shown.map((r) => (
            <li key={r.volunteerId} data-testid="bulk-refusal">
              {r.name} — {t(r.key, r.params)}
            </li>
          ))}
          {result.refused > shown.length && <li>{t('bulk.moreRefused', { count: result.refused - shown.length })}</li>}
        </ul>
      )}
    </div>
  );
}
