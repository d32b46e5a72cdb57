import { Id, Obj } from './contract/kit.js';

/** The `{user_id}` path of every `/player/{user_id}/...` route. */
export const UserIdParams = Obj({ user_id: Id() });
