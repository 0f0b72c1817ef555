/** React binding of the operator's session (client/net/operator.ts); asks the server once per page load. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { operatorStore, refreshSession, type OperatorState } from '../../net/operator.ts';

let asked = false;

export function useOperator<T>(selector: (state: OperatorState) => T): T {
  useEffect(() => {
    if (asked) return;
    asked = true;
    void refreshSession();
  }, []);
  return useStore(operatorStore, selector);
}
