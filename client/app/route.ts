/**
 * Hash routes: `#/` lobby, `#/join/<exerciseId>/<token>` a seat's console (`.../as/<team>`: the white
 * cell's read-only view of a blue team's console), `#/replay` offline log
 * replay, `#/login` an operator's sign-in, `#/setup/<token>` the first administrator (the link
 * `ramparts serve` prints), `#/studio` the scenario studio, `#/library` the operators' library.
 */
export type Route =
  | { page: 'lobby' }
  | { page: 'login' }
  | { page: 'setup'; token: string }
  | { page: 'join'; exerciseId: string; token: string; viewAs?: string }
  | { page: 'replay' }
  | { page: 'studio' }
  | { page: 'library' }
  | { page: 'not-found'; hash: string };

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TEAM = /^[A-Za-z0-9_.-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { page: 'lobby' };
  if (path === '/replay') return { page: 'replay' };
  if (path === '/studio') return { page: 'studio' };
  if (path === '/login') return { page: 'login' };
  if (path === '/library') return { page: 'library' };
  const parts = path.split('/');
  if (parts.length === 4 && parts[0] === '' && parts[1] === 'join') {
    const [, , exerciseId = '', token = ''] = parts;
    if (ID.test(exerciseId) && TOKEN.test(token)) return { page: 'join', exerciseId, token };
  }
  if (parts.length === 6 && parts[0] === '' && parts[1] === 'join' && parts[4] === 'as') {
    const [, , exerciseId = '', token = '', , team = ''] = parts;
    if (ID.test(exerciseId) && TOKEN.test(token) && TEAM.test(team)) return { page: 'join', exerciseId, token, viewAs: team };
  }
  if (parts.length === 3 && parts[0] === '' && parts[1] === 'setup' && TOKEN.test(parts[2] ?? '')) return { page: 'setup', token: parts[2] ?? '' };
  return { page: 'not-found', hash };
}
