/**
 * The server's configuration: `loadConfig` validates the environment once at start-up, and
 * `CONFIG_VARIABLES` documents every variable it reads.
 */
export type {
  Config,
  DemoAgent,
  LogLevel,
  TeamConfig,
  TeamOpeningHours,
  TokenKeySource,
  TokenVerification,
  TrustProxy,
} from './Config.js';
export { ConfigError, type ConfigProblem } from './ConfigError.js';
export {
  CONFIG_VARIABLES,
  type ConfigVariable,
  type ConfigVariableName,
} from './configVariables.js';
export {
  DEMO_AGENT_AUDIENCE,
  DEMO_CUSTOMER_AUDIENCE,
  DEMO_ISSUER,
  loadConfig,
  SESSION_AUDIENCE,
  SESSION_ISSUER,
} from './loadConfig.js';
export { type DemoSecrets, loadDemoSecrets } from './loadDemoSecrets.js';
