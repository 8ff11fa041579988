import type { ExpiringRow } from '../../../shared/contract/trainings';
import { formatPhone } from '../../../shared/domain/phone';
import { regionName } from '../../../shared/domain/regions';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { writeXlsx, type OutCell } from '../roster/xlsx-write';

/** The Expiring list as an .xlsx, headers and statuses in the user's language, to plan refreshers. */
export function expiringWorkbook(rows: ExpiringRow[], lang: Lang): Uint8Array {
  const t = (key: string) => translate(lang, `qualificationExport.${key}`);
  const headers = ['name', 'phone', 'region', 'kind', 'from', 'validUntil', 'graceUntil', 'status', 'daysLeft'].map(t);
  const cells = rows.map((r): OutCell[] => [
    { text: r.name },
    r.phone ? { id: formatPhone(r.phone) } : null,
    r.region ? { text: regionName(r.region, lang) } : null,
    { text: r.kindNames[lang] ?? r.kindNames.ru ?? r.kindNames.kk ?? r.kindNames.en ?? r.kindId },
    { date: r.from },
    { date: r.validUntil },
    { date: r.graceUntil },
    { text: translate(lang, `qualificationStatus.${r.status}`) },
    { number: r.daysLeft },
  ]);
  return writeXlsx({ name: t('sheetName'), headers, rows: cells });
}
