import { useEffect, useReducer } from 'preact/hooks';
import { onLocaleChange } from './i18n';

/** Re-renders the calling component when the UI language changes. */
export function useLocale() {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onLocaleChange(bump), []);
}
