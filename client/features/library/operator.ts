/**
 * The operator's credential in the browser when no one is signed in (a signed-in operator's session
 * cookie and CSRF token need nothing here): the operator token, kept for this tab only
 * (sessionStorage, under the key the lobby's create form uses), and how the library says a refusal
 * in the operator's language (a sentence per code, the code after it; else the server's message).
 */
import { useState } from 'react';
import type { ErrorBody } from '../../../protocol/index.ts';
import type { Translate } from '../../i18n/react.tsx';
import { hasKey } from '../../i18n/t.ts';
import { dateLocale } from '../../i18n/time.ts';

export const OPERATOR_KEY = 'ramparts.operator';

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

/** The operator token of this tab and a setter that keeps it (empty: signed out). */
export function useOperatorToken(): [string, (token: string) => void] {
  const [token, setToken] = useState(() => tabStorage()?.getItem(OPERATOR_KEY) ?? '');
  return [
    token,
    (next: string) => {
      const trimmed = next.trim();
      if (trimmed) tabStorage()?.setItem(OPERATOR_KEY, trimmed);
      else tabStorage()?.removeItem(OPERATOR_KEY);
      setToken(trimmed);
    },
  ];
}

/** A refusal of the library as a sentence in the operator's language, with its code. */
export function refusalSentence(t: Translate, reply: Pick<ErrorBody, 'code' | 'message'>): string {
  const key = `library.refusal.${reply.code}`;
  return hasKey(key) ? `${t(key)} (${reply.code})` : `${reply.message} (${reply.code})`;
}

/** A wall-clock ISO time (a save, a creation, an update) in the operator's language and time zone. */
export function formatWhen(iso: string, lang: string, timeZone: string, dateOnly = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return dateOnly ? date.toLocaleDateString(dateLocale(lang), { timeZone }) : date.toLocaleString(dateLocale(lang), { timeZone });
  } catch {
    return iso; // a time zone the browser does not know
  }
}
