import { useState } from 'react';
import { CallError, problemsFromZod, type FieldProblem } from '../../shared/contract/errors';
import { fieldErrors } from './problems';
import { useAction } from './useLoad';

type Parsed<T> = { success: true; data: T } | { success: false; error: Parameters<typeof problemsFromZod>[0] };

/**
 * The state every edit form keeps: the typed values, the problems shown under fields, and the
 * save in flight. `set(field)` clears that field's problem as the person corrects it; `save`
 * shows the schema's problems before any call, and the core's field problems after a refused one.
 */
export function useEditForm<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const action = useAction();
  const set =
    <K extends keyof V>(field: K) =>
    (value: V[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      setProblems((list) => list.filter((p) => p.path.split('.')[0] !== field));
    };
  const patch = (changes: Partial<V>) => setValues((v) => ({ ...v, ...changes }));
  /** Shows `extra` problems (checks the schema cannot make) with the schema's, or runs the call. */
  const save = async <T, R>(parsed: Parsed<T>, run: (data: T) => Promise<R>, extra: FieldProblem[] = []): Promise<R | undefined> => {
    if (!parsed.success || extra.length > 0) {
      const fromSchema = parsed.success ? [] : problemsFromZod(parsed.error);
      setProblems([...extra, ...fromSchema.filter((p) => !extra.some((q) => q.path === p.path))]);
      return undefined;
    }
    setProblems([]);
    return action.run(
      () => run(parsed.data),
      (error) => setProblems(error instanceof CallError ? (error.fields ?? []) : []),
    );
  };
  return { values, set, patch, problems, errors: fieldErrors(problems), action, save };
}
