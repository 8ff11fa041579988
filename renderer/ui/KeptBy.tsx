import { regionName } from '../../shared/domain/regions';
import { useLang } from '../app/i18n';

/**
 * Which office keeps a record (the one that created it) and, when it is not this office, that
 * only it or the centre can change the record: the screen hides the edits the core would refuse.
 */
export function KeptBy({ keptBy, mayChange, label, hint }: { keptBy: string | null; mayChange: boolean; label(office: string): string; hint: string }) {
  const lang = useLang();
  if (!keptBy) return null;
  return (
    <p className="muted kept-by" data-testid="kept-by">
      {label(regionName(keptBy, lang))}
      {!mayChange && <> · {hint}</>}
    </p>
  );
}
