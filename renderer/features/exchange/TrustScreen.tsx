import { useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang, type Lang } from '../../app/i18n';
import { useCan } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { ExchangeTabs } from './ExchangeTabs';
import { officeName } from '../../../shared/domain/regions';
import { fingerprintGroups, saveKeyFile, splitActor } from './values';

/** A public-key file is small; anything larger is not one. */
const KEY_FILE_MAX = 16_384;

/**
 * Whose bundles this office accepts. Each office has a key pair; its fingerprint is short enough
 * to read aloud over the phone, so two coordinators can check that the key file they received
 * is the right one before an administrator trusts it.
 */
export function TrustScreen() {
  const { t } = useTranslation();
  const isAdmin = useCan('administrator');
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.trust.title')}</h1>
      </div>
      <ExchangeTabs current="trust" />
      <OwnKey refresh={round} isAdmin={isAdmin} onChanged={changed} />
      {isAdmin && <PendingList refresh={round} onChanged={changed} />}
      <TrustedList refresh={round} isAdmin={isAdmin} onChanged={changed} />
      {isAdmin ? <AddKey onAdded={changed} /> : <p className="muted small">{t('exchange.trust.adminOnly')}</p>}
    </div>
  );
}

/** A fingerprint as numbered groups of four, easy to read out and to compare. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <span className="fingerprint" data-testid={testId} aria-label={value}>
      {fingerprintGroups(value).map((group, i) => (
        <span key={i} className="fp-group">{group}</span>
      ))}
    </span>
  );
}

function OwnKey({ refresh, isAdmin, onChanged }: { refresh: number; isAdmin: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const own = useLoad(() => call('keys.own', {}), [refresh]);
  const action = useAction();
  const rotate = async () => {
    if (await action.run(() => call('keys.rotate', {}), toastError)) {
      toastOk('exchange.trust.rotated');
      onChanged();
    }
  };
  const k = own.data;
  const save = () => {
    if (k) saveKeyFile(k);
  };
  return (
    <section className="form-section" aria-labelledby="trust-own-title">
      <h2 id="trust-own-title">{t('exchange.trust.ownTitle')}</h2>
      <ErrorText error={own.error} />
      {k && (
        <>
          <p>
            <span className="mono">{k.office}</span> · {officeName(k.office, k.name, lang)}
          </p>
          <div className="fingerprint-line">
            <span className="field-label">{t('exchange.fingerprint')}</span>
            <Fingerprint value={k.fingerprint} testId="own-fingerprint" />
          </div>
          <p className="muted small">{t('exchange.trust.ownHint')}</p>
          <div className="form-actions">
            <button type="button" data-testid="own-key-download" onClick={save}>{t('exchange.trust.downloadKey')}</button>
            {isAdmin && (
              <ConfirmButton
                label={t('exchange.trust.rotate')}
                question={t('exchange.trust.rotateQuestion')}
                onConfirm={() => void rotate()}
                disabled={action.busy}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

function TrustedList({ refresh, isAdmin, onChanged }: { refresh: number; isAdmin: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useLoad(() => call('trust.list', {}), [refresh]);
  const action = useAction();
  const remove = async (fingerprint: string, office: string) => {
    const done = await action.run(() => call('trust.remove', { fingerprint }), toastError);
    if (done) {
      toastOk(done.revoked ? 'exchange.trust.revokedEverywhere' : 'exchange.trust.removed', { office: `${office} · ${regionName(office, lang)}` });
      onChanged();
    }
  };
  const keys = (list.data ?? []).filter((k) => k.status === 'active');
  return (
    <section className="form-section" aria-labelledby="trust-list-title">
      <h2 id="trust-list-title">{t('exchange.trust.listTitle')}</h2>
      <ErrorText error={list.error} />
      {list.data && keys.length === 0 && <p className="empty">{t('exchange.trust.empty')}</p>}
      {keys.length > 0 && (
        <table className="plain-table" data-testid="trusted">
          <thead>
            <tr>
              <th>{t('exchange.trust.office')}</th>
              <th>{t('exchange.fingerprint')}</th>
              <th>{t('exchange.trust.source')}</th>
              <th>{t('exchange.trust.status')}</th>
              <th>{t('exchange.trust.addedAt')}</th>
              {isAdmin && <th className="actions"><span className="visually-hidden">{t('common.delete')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.fingerprint} data-testid="trusted-row">
                <td>
                  <span className="mono">{k.office}</span> · {regionName(k.office, lang)}
                  {officeName(k.office, k.name, lang) !== regionName(k.office, lang) && <div className="muted small">{k.name}</div>}
                </td>
                <td><Fingerprint value={k.fingerprint} /></td>
                <td>{t(`exchange.trust.sourceKind.${k.source}`)}</td>
                <td className="small">
                  {k.validUntil ? t('exchange.trust.statusKind.retired', { at: formatDateTime(k.validUntil) }) : t('exchange.trust.statusKind.active')}
                </td>
                <td className="small">
                  {formatDateTime(k.addedAt)} <span className="muted">· {addedBy(t, lang, k)}</span>
                </td>
                {isAdmin && (
                  <td className="actions">
                    <ConfirmButton
                      danger
                      label={t('exchange.trust.remove')}
                      question={t('exchange.trust.removeQuestion', { office: k.office })}
                      onConfirm={() => void remove(k.fingerprint, k.office)}
                      disabled={action.busy}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Keys the centre's list proposed for offices already known here: unused until an administrator
 * confirms one (after checking its fingerprint with the office), never proposed again once rejected.
 */
function PendingList({ refresh, onChanged }: { refresh: number; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useLoad(() => call('trust.list', {}), [refresh]);
  const action = useAction();
  const pending = (list.data ?? []).filter((k) => k.status === 'pending');
  const decide = async (fingerprint: string, office: string, accept: boolean) => {
    const done = await action.run(() => call(accept ? 'trust.confirm' : 'trust.reject', { fingerprint }), toastError);
    if (done) {
      toastOk(accept ? 'exchange.trust.accepted' : 'exchange.trust.rejected', { office: `${office} · ${regionName(office, lang)}` });
      onChanged();
    }
  };
  if (pending.length === 0) return null;
  return (
    <section className="form-section" aria-labelledby="trust-pending-title" data-testid="trust-pending">
      <h2 id="trust-pending-title">{t('exchange.trust.pendingTitle')}</h2>
      <p className="notice">{t('exchange.trust.pendingHint')}</p>
      <table className="plain-table">
        <thead>
          <tr>
            <th>{t('exchange.trust.office')}</th>
            <th>{t('exchange.fingerprint')}</th>
            <th className="actions" aria-label={t('exchange.trust.accept')} />
          </tr>
        </thead>
        <tbody>
          {pending.map((k) => (
            <tr key={k.fingerprint} data-testid="pending-row">
              <td>
                <span className="mono">{k.office}</span> · {officeName(k.office, k.name, lang)}
              </td>
              <td><Fingerprint value={k.fingerprint} /></td>
              <td className="actions">
                <button type="button" className="primary" onClick={() => void decide(k.fingerprint, k.office, true)} disabled={action.busy}>
                  {t('exchange.trust.accept')}
                </button>
                <button type="button" onClick={() => void decide(k.fingerprint, k.office, false)} disabled={action.busy}>
                  {t('exchange.trust.reject')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Who added a key: the administrator's login, or the office whose trust list relayed it (named in the reader's language). */
function addedBy(t: TFunction, lang: Lang, k: { source: string; addedBy: string }): string {
  if (k.source !== 'centre') return splitActor(k.addedBy).login;
  const office = k.addedBy.split(' ')[0] ?? '';
  return t('exchange.trust.relayedBy', { office: `${office} · ${regionName(office, lang)}` });
}

interface KeyFile {
  text: string;
  fileName: string;
  office: string;
  name: string;
  fingerprint: string;
}

/** What a public-key file says about itself, before the core checks it (null: not a key file at all). */
function readKeyFile(text: string): Pick<KeyFile, 'office' | 'name' | 'fingerprint'> | null {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const { office, name, fingerprint } = data as Record<string, unknown>;
    if (typeof office !== 'string' || typeof fingerprint !== 'string') return null;
    return { office, name: typeof name === 'string' ? name : '', fingerprint };
  } catch {
    return null;
  }
}

/** Trusting an office: its key file, its fingerprint compared aloud, then the administrator's yes. */
function AddKey({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [file, setFile] = useState<KeyFile | null>(null);
  const [notKey, setNotKey] = useState(false);
  const [ownKey, setOwnKey] = useState(false);
  const own = useLoad(() => call('keys.own', {}), []);
  const action = useAction();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    setFile(null);
    setNotKey(false);
    setOwnKey(false);
    action.setError(null);
    if (!chosen) return;
    const text = chosen.size <= KEY_FILE_MAX ? await chosen.text() : '';
    const stated = readKeyFile(text);
    if (!stated) return setNotKey(true);
    // This office's own file is refused as soon as it is chosen, not after the administrator's yes.
    if (own.data && stated.fingerprint === own.data.fingerprint) return setOwnKey(true);
    setFile({ text, fileName: chosen.name, ...stated });
  };

  const trust = async () => {
    if (!file) return;
    const result = await action.run(() => call('trust.add', { keyFile: file.text, fingerprint: file.fingerprint }));
    if (result) {
      toastOk(result.added ? 'exchange.trust.added' : 'exchange.trust.already', { office: `${result.office} · ${regionName(result.office, lang)}` });
      setFile(null);
      onAdded();
    }
  };

  return (
    <section className="form-section" aria-labelledby="trust-add-title" data-testid="trust-add">
      <h2 id="trust-add-title">{t('exchange.trust.addTitle')}</h2>
      <p className="muted small">{t('exchange.trust.addHint')}</p>
      <div className="inline-form">
        <label className="button" htmlFor="trust-file">{t('exchange.trust.chooseFile')}</label>
        <input id="trust-file" data-testid="trust-file" type="file" accept=".pub,application/json,text/plain" className="visually-hidden" onChange={(e) => void choose(e)} />
        {file && <span className="muted small">{file.fileName}</span>}
      </div>
      {notKey && <div className="error-banner" role="alert">{t('error.keys.invalidFile')}</div>}
      {ownKey && <div className="error-banner" role="alert" data-testid="trust-own-refused">{t('exchange.trust.ownChosen')}</div>}
      {file && (
        <div className="trust-check">
          <p>
            <span className="mono">{file.office}</span> · {officeName(file.office, file.name, lang)}
          </p>
          <div className="fingerprint-line">
            <span className="field-label">{t('exchange.fingerprint')}</span>
            <Fingerprint value={file.fingerprint} testId="new-fingerprint" />
          </div>
          <p className="notice">{t('exchange.trust.compare')}</p>
          <div className="form-actions">
            <button type="button" className="primary" data-testid="trust-confirm" onClick={() => void trust()} disabled={action.busy}>
              {t('exchange.trust.confirm')}
            </button>
            <button type="button" onClick={() => setFile(null)} disabled={action.busy}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      <ErrorText error={action.error} />
    </section>
  );
}
