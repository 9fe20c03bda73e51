// The server's request schemas as values, for the forms' checks before sending (validate.ts).
// The one place the browser bundle takes server code from: schema files import only TypeBox,
// src/core and src/server/http/schemas.ts, nothing that needs Node.
export {
  CloseBody,
  ContactBody,
  EventBody,
  ReassignBody,
  RegisterBody,
  ReopenBody,
  VisitationBody,
  VoidBody,
} from '../../server/modules/cases/schema.js';
export { LoginBody } from '../../server/modules/session/schema.js';
export { EndPeriodInput, StatusPeriodInput } from '../../server/modules/status-periods/schema.js';
export { TeamPatch } from '../../server/modules/teams/schema.js';
export { NewUser } from '../../server/modules/users/schema.js';
