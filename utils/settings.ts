import { DEFAULT_PROFILE_ID, type Profile } from './profiles';

/** The reviewer's settings. Persisted in IndexedDB by utils/storage/settings.ts; read by every surface. */
export interface Settings {
  /** Active jurisdiction profile id. */
  profileId: string;
  /** Profiles the user copied and edited. */
  customProfiles: Profile[];
  /** Rule ids switched off. */
  disabledRules: string[];
  /** Name recorded on saved reviews. */
  reviewer: string;
  /** UI language: zh-CN first, English second. */
  locale: 'zh-CN' | 'en';
  /** Re-check the captured editor while it changes. */
  liveRecheck: boolean;
  /**
   * The date an audit is made as of (YYYY-MM-DD): expired validity and late filing are judged on it. Empty:
   * today's date.
   */
  reviewDate: string;
}

export const DEFAULT_SETTINGS: Settings = {
  profileId: DEFAULT_PROFILE_ID,
  customProfiles: [],
  disabledRules: [],
  reviewer: '',
  locale: 'zh-CN',
  liveRecheck: true,
  reviewDate: '',
};
