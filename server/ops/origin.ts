/**
 * Same-origin by default. Browsers send `Origin` on cross-site requests and on every WebSocket
 * handshake; a request whose origin is not the server's own (or an explicitly allowed one) is
 * refused, so a page elsewhere cannot drive an exercise with a participant's browser. Requests
 * without `Origin` come from non-browser clients (scripts, tests), which hold their own tokens.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
