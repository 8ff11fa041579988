import { useLayoutEffect, useState } from 'react';

/**
 * Sets a screen's kept filters (a store that outlives the screen) from its address's query, before
 * the screen's lists load. False until then: the caller renders nothing for that instant rather
 * than load the list of the filters it had before. The shell starts the screen afresh for each
 * query, so this runs once per address.
 */
export function useAddressFilters<Q>(query: Q | undefined, apply: (query: Q) => void): boolean {
  const [ready, setReady] = useState(query === undefined);
  useLayoutEffect(() => {
    if (query === undefined) return;
    apply(query);
    setReady(true);
    // Once per mount, by design (see above).
  }, []);
  return ready;
}
