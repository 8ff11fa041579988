import { useEffect, useRef, useState } from 'react';
import { CallError, type FieldProblem } from '../../../shared/contract/errors';
import { checkIin, normalizeIin, type IinFacts } from '../../../shared/domain/iin';
import { call } from '../../app/api';

export interface IinCheck {
  problem: FieldProblem | null;
  holder: { id: string; name: string } | null;
}

const NONE: IinCheck = { problem: null, holder: null };

/**
 * Checks an IIN as soon as all 12 digits are typed: locally first (format, date, check digit),
 * then with the core, which tells who already holds it. A newly typed valid IIN hands its birth
 * date and sex to `onFacts`; the IIN the form opened with does not (it must not rewrite them).
 */
export function useIinCheck(text: string, exceptId: string | undefined, initial: string, onFacts: (facts: IinFacts) => void): IinCheck {
  const [check, setCheck] = useState<IinCheck>(NONE);
  // onFacts is a fresh closure each render; the check itself depends on the number only.
  const factsTarget = useRef(onFacts);
  useEffect(() => {
    factsTarget.current = onFacts;
  });
  const iin = normalizeIin(text);
  const complete = /^\d{12}$/.test(iin);

  useEffect(() => {
    if (!complete) {
      setCheck(NONE);
      return;
    }
    const local = checkIin(iin);
    if (typeof local === 'string') {
      setCheck({ problem: { path: 'iin', key: `error.iin.${local}` }, holder: null });
      return;
    }
    let current = true;
    call('volunteers.checkIin', exceptId ? { iin, exceptId } : { iin }).then(
      (result) => {
        if (!current) return;
        setCheck({ problem: null, holder: result.holder });
        if (iin !== normalizeIin(initial)) factsTarget.current({ birthDate: result.birthDate, sex: result.sex });
      },
      (error: unknown) => {
        if (!current) return;
        const problem = error instanceof CallError ? (error.fields?.find((f) => f.path === 'iin') ?? { path: 'iin', key: error.key }) : null;
        setCheck({ problem, holder: null });
      },
    );
    return () => {
      current = false;
    };
  }, [iin, complete, exceptId, initial]);

  return complete ? check : NONE;
}
