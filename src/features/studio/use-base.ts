/** The compiler's base geography for the panes (county checks, region pickers); undefined until loaded. */
import { useEffect, useState } from 'react';
import type { BaseGeo } from '../../compiler/base-geo';
import { loadCompilerBase } from './sources';

export function useCompilerBase(): BaseGeo | undefined {
  const [base, setBase] = useState<BaseGeo>();
  useEffect(() => {
    let live = true;
    loadCompilerBase().then(
      (b) => live && setBase(b),
      () => undefined, // the studio shows the failure where it opens the plan
    );
    return () => {
      live = false;
    };
  }, []);
  return base;
}
