// What the case's sections share: the case as last read, where a saved case goes, and the
// page's one handler for a version conflict. The layout provides it; sections read it.
import { createContext, useContext } from 'react';
import type { CaseFormProps } from './caseForm.js';

export interface CaseContextValue extends CaseFormProps {
  /** Increases whenever the case changed here or under the user, for lists that follow it. */
  revision: number;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (value === null) throw new Error('useCase outside the case layout');
  return value;
}
