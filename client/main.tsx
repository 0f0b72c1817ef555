/** Entry point: the theme, the document language and direction, and the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { directionOf } from './i18n/catalog.ts';
import { prefsStore } from './store/prefs.ts';
import './theme.css';
import './facilitator.css';
import './consoles.css';

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}
applyLanguage(prefsStore.getState().lang);
prefsStore.subscribe((prefs) => applyLanguage(prefs.lang));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<App />);
