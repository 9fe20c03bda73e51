// What every form on the case page gets: the case as the user read it (its version goes with
// the request), where the saved case goes, and the page's handler for a version conflict.
import type { CaseBody } from '../../api/cases.js';
import type { ConflictHandler } from '../../hooks/useConflict.js';

export interface CaseFormProps {
  detail: CaseBody;
  onSaved: (detail: CaseBody) => void;
  onConflict: ConflictHandler;
}
