import { version } from '../../package.json';

/**
 * The engine and rules ship together in one package, so one version names both. Recorded on every saved
 * review, so a reviewer can tell months later which rules produced a finding. Change it only in package.json.
 */
export const ENGINE_VERSION: string = version;
