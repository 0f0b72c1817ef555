/**
 * Where a draft comes from: an empty file, a bundled scenario (its text loaded on demand, each its
 * own chunk), or a file from the author's disk.
 */
import { useStudioT } from './i18n/texts.ts';

const BUNDLED = import.meta.glob<string>(['../../../scenarios/*.yaml', '!**/stress.yaml'], { query: '?raw', import: 'default' });

export const bundledNames = (): string[] =>
  Object.keys(BUNDLED)
    .map((p) => p.replace(/^.*\//, ''))
    .sort();

export async function loadBundled(name: string): Promise<string | null> {
  const entry = Object.entries(BUNDLED).find(([p]) => p.endsWith(`/${name}`));
  return entry ? entry[1]() : null;
}

export function OpenBar({ onOpen }: { onOpen: (name: string, text: string) => void }) {
  const t = useStudioT();
  return (
    <div className="studio-open">
      <button type="button" data-testid="studio-new" onClick={() => onOpen('draft.yaml', '')}>
        {t('studio.new')}
      </button>
      <select
        aria-label={t('studio.openBundled')}
        data-testid="studio-bundled"
        value=""
        onChange={(e) => {
          const name = e.target.value;
          if (name)
            void loadBundled(name).then((text) => {
              if (text !== null) onOpen(name, text);
            });
        }}
      >
        <option value="">{t('studio.openBundled')}</option>
        {bundledNames().map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label className="file-pick">
        {t('studio.upload')}{' '}
        <input
          type="file"
          accept=".yaml,.yml,.json"
          data-testid="studio-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((text) => onOpen(file.name, text));
          }}
        />
      </label>
    </div>
  );
}
