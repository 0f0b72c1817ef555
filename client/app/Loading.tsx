import { useT } from '../i18n/react.tsx';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
