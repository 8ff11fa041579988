import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract';
import { REGIONS, regionName, type OfficeCode } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { desktopFiles, download } from '../../app/files';
import { useLang } from '../../app/i18n';
import { useCan, useSession } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { formatBytes, tableLabel } from './values';

const CENTRE = 'KZ';

/**
 * A bundle for one office: the recipient (only offices whose key is trusted can read it), what to
 * send (what the office has not been sent yet, or everything), then the file. In the desktop app
 * the user picks the file in the native save dialog first and the core writes the bundle there
 * (through a token, never a path); in the browser the core returns the bundle's bytes and a file
 * name and the browser downloads them.
 */
export function ExportBundle({ onExported }: { onExported(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const own = useSession((s) => s.office?.code ?? null);
  const isAdmin = useCan('administrator');
  const trusted = useLoad(() => call('trust.list', {}), []);
  const readable = new Set((trusted.data ?? []).map((k) => k.office));
  const [to, setTo] = useState<string>(own === CENTRE ? '' : CENTRE);
  const [full, setFull] = useState(false);
  const [done, setDone] = useState<(CallResult<'exchange.export'> & { savedAs: string | null }) | null>(null);
  const action = useLongCall();
  const files = desktopFiles();

  const offices = REGIONS.filter((r) => r.code !== own);
  const noKey = to !== '' && trusted.data !== undefined && !readable.has(to);

  const run = async () => {
    setDone(null);
    let target: { token: string; name: string } | null = null;
    if (files) {
      try {
        target = await files.saveBundle(suggestedFileName(own, to));
      } catch (error) {
        action.setError(error);
        return;
      }
      // A cancelled save dialog exports nothing.
      if (!target) return;
    }
    const result = await action.run('exchange.export', target ? { to: to as OfficeCode, full, target: { token: target.token } } : { to: to as OfficeCode, full });
    if (!result) return;
    if (result.base64) download(result.fileName, result.base64);
    setDone({ ...result, savedAs: target?.name ?? null });
    toastOk('exchange.export.done', { office: regionName(result.to, lang), rows: result.rows });
    onExported();
  };

  return (
    <section className="form-section" aria-labelledby="exchange-export-title" data-testid="exchange-export">
      <h2 id="exchange-export-title">{t('exchange.export.title')}</h2>
      <p className="muted small">{t('exchange.export.hint')}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="exchange-to">{t('exchange.export.recipient')}</label>
          <select id="exchange-to" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={noKey ? 'exchange-no-key' : undefined}>
            {to === '' && <option value="">{t('common.choose')}</option>}
            {offices.map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} · {r.name[lang]}
                {trusted.data && !readable.has(r.code) ? ` (${t('exchange.export.noKeyShort')})` : ''}
              </option>
            ))}
          </select>
          {/* Not an error: nothing went wrong, a step is still to be taken (and by whom). */}
          {noKey && (
            <p className="notice small" id="exchange-no-key" data-testid="exchange-no-key">
              {t(isAdmin ? 'exchange.export.noKeyAdmin' : 'exchange.export.noKeyCoordinator', { office: `${to} · ${regionName(to, lang)}` })}
              {isAdmin && (
                <>
                  {' '}<a href="#/trust">{t('exchange.tabs.trust')}</a>
                </>
              )}
            </p>
          )}
        </div>
        <fieldset className="checkbox-group exchange-mode">
          <legend>{t('exchange.export.what')}</legend>
          <label className="checkbox">
            <input type="radio" name="exchange-full" checked={!full} onChange={() => setFull(false)} />
            {t('exchange.export.incremental')}
          </label>
          <label className="checkbox">
            <input type="radio" name="exchange-full" checked={full} onChange={() => setFull(true)} />
            {t('exchange.export.full')}
          </label>
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" data-testid="exchange-export-run" onClick={() => void run()} disabled={action.busy || to === '' || noKey}>
          {action.busy ? t('exchange.export.running') : t('exchange.export.run')}
        </button>
      </div>
      <LongCallProgress call={action} testId="exchange-export-progress" />
      <ErrorText error={action.error} />
      {done && (
        <div className="info" role="status" data-testid="exchange-export-done">
          {done.savedAs !== null && <>{t('exchange.export.savedAs', { file: done.savedAs })} </>}
          {t('exchange.export.summary', { file: done.savedAs ?? done.fileName, office: `${done.to} · ${regionName(done.to, lang)}`, rows: done.rows, size: formatBytes(done.bytes) })}
          {done.rows > 0 && (
            <span className="muted small">
              {' '}({Object.entries(done.counts).filter(([, n]) => n > 0).map(([table, n]) => `${tableLabel(t, table)}: ${n}`).join(', ')})
            </span>
          )}
          {done.rows === 0 && <> {t('exchange.export.empty')}</>}
        </div>
      )}
    </section>
  );
}

/** The save dialog's starting name (the user may change it): a plain base name the main process accepts. */
function suggestedFileName(own: string | null, to: string): string {
  return `erikti-${own ?? 'office'}-to-${to}-${new Date().toISOString().slice(0, 10)}.erikti`;
}
