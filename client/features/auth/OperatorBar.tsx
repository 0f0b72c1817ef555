/** Who is signed in, with sign-out; or the way to sign in. Shown in the lobby's header. */
import { useT } from '../../i18n/react.tsx';
import { signOut } from '../../net/operator.ts';
import { useOperator } from './useOperator.ts';

export function OperatorBar() {
  const t = useT();
  const operator = useOperator((s) => s.operator);
  const loaded = useOperator((s) => s.loaded);
  if (!loaded) return null;
  if (!operator)
    return (
      <a href="#/login" data-testid="sign-in-link">
        {t('auth.signIn')}
      </a>
    );
  return (
    <span className="operator-bar" data-testid="operator-bar">
      <span>
        {t('auth.signedInAs', { name: operator.username })} <span className="muted">({operator.roles.map((r) => t(`operatorRole.${r}`)).join(', ')})</span>
      </span>{' '}
      <button type="button" onClick={() => void signOut()} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </span>
  );
}
