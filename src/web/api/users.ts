// Staff users of the municipality: its administrator's page.
import type { NewUser, UserBody } from '../../server/modules/users/schema.js';
import type { ApiClient } from './client.js';

export type { NewUser, UserBody } from '../../server/modules/users/schema.js';

export function fetchUsers(api: ApiClient): Promise<UserBody[]> {
  return api.request('GET', '/api/users');
}

export function createUser(api: ApiClient, body: NewUser): Promise<UserBody> {
  return api.request('POST', '/api/users', { body });
}
