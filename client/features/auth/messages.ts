/** The sentence for a refused sign-in or setup, in the page's language, with the server's code kept in a detail. */
import type { ErrorBody } from '../../../protocol/index.ts';
import type { Translate } from '../../i18n/react.tsx';

export function refusalText(t: Translate, reply: ErrorBody): string {
  switch (reply.code) {
    case 'UNAUTHENTICATED':
      return t('auth.refused');
    case 'RATE_LIMITED':
      return t('auth.tooMany');
    case 'FORBIDDEN':
      return t('auth.disabled');
    case 'CONFLICT':
      return t('setup.exists');
    case 'UNAVAILABLE':
      return t('auth.unreachable');
    default:
      return t('auth.failed', { detail: `${reply.code}: ${reply.message}` });
  }
}
