/**
 * Requests whose path tries to climb out of where it points (`..` segments, also percent-encoded
 * once or several times, with backslashes, or with NUL bytes) are refused before any route or the
 * static files see them. Nothing the server serves has such a path: the API takes ids of letters,
 * digits, `_` and `-`, and the web client's files are named by the build. Express's static files
 * would refuse most of these too, but as a silent 404; here they are a coded, counted, logged refusal.
 */
const MAX_DECODES = 4;

/** True when the path of `url` (before any `?`) names a parent directory or a NUL, however encoded. */
export function isTraversal(url: string): boolean {
  let path = url.split('?', 1)[0] ?? '';
  for (let i = 0; i <= MAX_DECODES; i++) {
    if (path.includes('\0')) return true;
    if (
      path
        .replace(/\\/g, '/')
        .split('/')
        .some((segment) => segment === '..' || segment === '.')
    )
      return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: not a traversal by itself (the routes answer it as they would).
      return false;
    }
    if (decoded === path) return false;
    path = decoded;
  }
  // Still encoded after several rounds: nobody legitimate encodes a path that deep.
  return true;
}
