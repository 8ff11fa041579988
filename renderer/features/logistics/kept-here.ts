import { useSession } from '../../app/session';

/**
 * Whether this office keeps a record of the given office, so may count its stock in and out:
 * the core refuses another office's (error.logistics.heldElsewhere); the screen hides what it
 * would refuse. A database without an office (a fresh file) keeps everything.
 */
export function useKeptHere(): (office: string | null) => boolean {
  const here = useSession((s) => s.office?.code ?? null);
  return (office) => here === null || office === null || office === here;
}

/** This office's code, when it has one. */
export const useOfficeHere = () => useSession((s) => s.office?.code ?? null);
