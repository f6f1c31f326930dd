// The storage API the extension's pages import. Everything lives in IndexedDB in the extension's origin.
export { DB_NAME, DB_VERSION, NormLintDB, getDb, setDb, requestPersistence } from './db';
export { StorageError, isQuotaError, QUOTA_MESSAGE, type StorageErrorKind } from './errors';
export { loadSettings, saveSettings, onSettingsChange } from './settings';
export { loadRegister, saveRegister, loadRegisterRows, putRegisterRow, deleteRegisterRow, type LoadedRegister } from './register';
export {
  fingerprint,
  normalizeForFingerprint,
  docKeysFor,
  saveReview,
  getReview,
  deleteReview,
  applyDismissals,
  recallDecisions,
  turnRuleOff,
  listDismissals,
  restoreDismissal,
  latestReviewOf,
  compareWithPrevious,
  type DocRef,
  type AppliedFinding,
  type RecalledFinding,
  type Comparison,
} from './reviews';
export { anchorOf, matchFindings, matchScore, matchableOf, type Matchable, type MatchResult } from './match';
export { docKeysOf, sameDocument, type DocIdentity } from './derive';
export { ENGINE_VERSION } from './version';
export { reviewInputOf, type ReviewedDoc, type ReviewDecisions } from './review-input';
export * from './types';
export {
  queryReviews,
  countsByCode,
  listReviewers,
  allMatching,
  dayBound,
  PAGE_SIZE,
  type ReviewFilter,
  type ReviewPage,
  type PageRequest,
  type CodeCount,
} from './query';
export { exportBackup, inspectBackup, restoreBackup, type BackupInfo, type RestoreMode, type RestoreProgress, type RestoreResult } from './backup';
