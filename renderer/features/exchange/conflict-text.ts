import type { TFunction } from 'i18next';
import type { ConflictViewData } from '../../../shared/contract/exchange';
import { formatDateTime } from '../../ui/format';
import { fieldLabel, splitActor } from './values';

/** What a conflict is about: the field, or "deleted while being edited". */
export function conflictSubject(t: TFunction, c: ConflictViewData): string {
  return c.kind === 'delete' ? t('exchange.conflicts.deleteKind') : fieldLabel(t, c.table, c.field);
}

/**
 * "Resolved … by … · how", in the reader's language throughout: a conflict settled by a later
 * change that arrived in a bundle names no login, and a way of settling this version does not
 * know is still said in words rather than as the core's code.
 */
export function resolutionLine(t: TFunction, c: ConflictViewData): string {
  const by = c.resolvedBy === 'exchange' ? t('exchange.conflicts.byExchange') : splitActor(c.resolvedBy ?? '').login;
  const how = c.resolution ? t(`exchange.conflicts.resolution.${c.resolution}`, { defaultValue: t('exchange.conflicts.resolution.other') }) : '';
  return `${t('exchange.conflicts.resolvedBy', { at: formatDateTime(c.resolvedAt), by })}${how ? ` · ${how}` : ''}`;
}
