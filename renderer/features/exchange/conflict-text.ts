import type { TFunction } from 'i18next';
import type { ConflictViewData } from '../../../shared/contract/exchange';
import { regionName } from '../../../shared/domain/regions';
import { tableSpec } from '../../../shared/domain/tables';
import type { Lang } from '../../app/i18n';
import { formatDateTime } from '../../ui/format';
import { fieldLabel, splitActor, tableLabel } from './values';

/** A conflict's title: the record's name, or — when erasure left it none — what it was, never a raw id. */
export function conflictTitle(t: TFunction, c: ConflictViewData): string {
  if (c.label) return c.label;
  const unnamed = tableSpec(c.table)?.unnamed;
  return unnamed ? t(unnamed) : tableLabel(t, c.table);
}

/**
 * A delete conflict told as what happened: "Erased at Almaty by aigerim, …; edited at Astana by
 * bolat, …" — every office that edited without knowing of the erasure, oldest first.
 */
export function eraseStory(t: TFunction, lang: Lang, c: ConflictViewData): string {
  const part = (key: string, a: { actor: string; office: string; at: string }) =>
    t(key, { office: regionName(a.office, lang), by: splitActor(a.actor).login, at: formatDateTime(a.at, { seconds: true }) });
  const parts = [
    ...(c.erasedBy ? [part('exchange.conflicts.erasedAt', c.erasedBy)] : []),
    ...c.editedBy.map((e) => part('exchange.conflicts.editedAt', e)),
  ];
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

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
