/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs (mirrored right to left),
 * Home and End jump, only the active tab is in the tab order. Panels stay mounted only while active.
 */
import { useId, useRef, type ReactNode } from 'react';
import { useDirection } from '../../i18n/react.tsx';

export interface TabDef {
  id: string;
  label: ReactNode;
  /** A count shown next to the label (unread items). */
  badge?: number;
  render: () => ReactNode;
}

export function Tabs({ tabs, active, onChange, label }: { tabs: TabDef[]; active: string; onChange: (id: string) => void; label: string }) {
  const base = useId();
  const rtl = useDirection() === 'rtl';
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const move = (delta: number) => {
    const i = tabs.findIndex((tab) => tab.id === current?.id);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (next) {
      onChange(next.id);
      refs.current.get(next.id)?.focus();
    }
  };
  const onKey = (e: React.KeyboardEvent) => {
    const forward = rtl ? -1 : 1;
    if (e.key === 'ArrowRight') move(forward);
    else if (e.key === 'ArrowLeft') move(-forward);
    else if (e.key === 'Home') move(-tabs.findIndex((tab) => tab.id === current?.id));
    else if (e.key === 'End') move(tabs.length - 1 - tabs.findIndex((tab) => tab.id === current?.id));
    else return;
    e.preventDefault();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist" onKeyDown={onKey}>
        {tabs.map((tab) => {
          const selected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              role="tab"
              type="button"
              id={`${base}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(tab.id)}
              data-tab={tab.id}
            >
              {tab.label}
              {tab.badge ? <span className="badge">{tab.badge}</span> : null}
            </button>
          );
        })}
      </div>
      {current ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the ARIA tabs pattern makes a panel without focusable content reachable by Tab
        <div role="tabpanel" id={`${base}-panel-${current.id}`} aria-labelledby={`${base}-tab-${current.id}`} className="tabpanel" tabIndex={0}>
          {current.render()}
        </div>
      ) : null}
    </div>
  );
}
