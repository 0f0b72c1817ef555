/** Hash routes: `#/` lobby, `#/join/<exerciseId>/<token>` a seat's console, `#/replay` offline log replay, `#/studio` the scenario studio. */
export type Route =
  | { page: 'lobby' }
  | { page: 'join'; exerciseId: string; token: string }
  | { page: 'replay' }
  | { page: 'studio' }
  | { page: 'not-found'; hash: string };

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { page: 'lobby' };
  if (path === '/replay') return { page: 'replay' };
  if (path === '/studio') return { page: 'studio' };
  const parts = path.split('/');
  if (parts.length === 4 && parts[0] === '' && parts[1] === 'join') {
    const [, , exerciseId = '', token = ''] = parts;
    if (ID.test(exerciseId) && TOKEN.test(token)) return { page: 'join', exerciseId, token };
  }
  return { page: 'not-found', hash };
}
