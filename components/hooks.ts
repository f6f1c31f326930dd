import { useEffect, useState } from 'preact/hooks';
import { onLocaleChange } from './i18n';

/** Re-renders the calling component when the UI language changes. */
export function useLocale() {
  const [, setTick] = useState(0);
  useEffect(() => onLocaleChange(() => setTick((n) => n + 1)), []);
}
