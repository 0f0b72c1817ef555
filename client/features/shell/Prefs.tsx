/** Language and time zone pickers: each seat chooses its own (kept in this browser). */
import { useMemo } from 'react';
import { languages } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/react.tsx';
import { timeZones } from '../../i18n/time.ts';
import { setLanguage, setTimeZone } from '../../store/prefs.ts';
import { usePrefs } from '../../store/react.ts';

export function PrefsPicker() {
  const t = useT();
  const lang = usePrefs((p) => p.lang);
  const zone = usePrefs((p) => p.timeZone);
  const zones = useMemo(() => {
    const list = timeZones();
    return list.includes(zone) ? list : [zone, ...list];
  }, [zone]);
  return (
    <div className="prefs">
      <label>
        <span className="sr-only">{t('prefs.language')}</span>
        <select value={lang} onChange={(e) => setLanguage(e.target.value)} aria-label={t('prefs.language')} data-testid="lang">
          {languages().map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{t('prefs.timeZone')}</span>
        <select value={zone} onChange={(e) => setTimeZone(e.target.value)} aria-label={t('prefs.timeZone')}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
