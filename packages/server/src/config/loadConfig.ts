import type { Config } from './Config.js';
import { ConfigError } from './ConfigError.js';
import { demoAgents } from './demoAgents.js';
import { EnvReader } from './EnvReader.js';
import { type DemoSecrets, loadDemoSecrets } from './loadDemoSecrets.js';
import { readNetworkSettings } from './readNetworkSettings.js';
import { readOperationsSettings } from './readOperationsSettings.js';
import { readPolicySettings } from './readPolicySettings.js';
import { readTokenVerification } from './readTokenVerification.js';

/** `iss` of Parley's own customer session tokens. */
export const SESSION_ISSUER = 'parley';
/** `aud` of Parley's own customer session tokens: no identity provider's audience may equal it. */
export const SESSION_AUDIENCE = 'parley-session';
/** Demo mode's stand-in identity provider. */
export const DEMO_ISSUER = 'parley-demo-idp';
export const DEMO_AGENT_AUDIENCE = 'parley-agent';
export const DEMO_CUSTOMER_AUDIENCE = 'parley-customer';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Loads and validates the configuration once, at start-up. Every problem is collected and thrown
 * together as a `ConfigError` naming each variable and its fix. In demo mode, unset keys are
 * generated once into `${dataDir}/demo-secrets.json` and reused on the next start.
 *
 * @example
 * const config = loadConfig(process.env);
 * const test = loadConfig({ PARLEY_DEMO: '1', PARLEY_PORT: '0', PARLEY_DATA_DIR: tmp }, { cwd: tmp });
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: { cwd?: string } = {}): Config {
  const read = new EnvReader(env);
  const demo = read.boolean('PARLEY_DEMO', false);
  const network = readNetworkSettings(read, options.cwd ?? process.cwd(), demo);
  const policy = readPolicySettings(read);
  const operations = readOperationsSettings(read, network.port);

  // Generate demo secrets only when something is missing, so a fully keyed demo writes no file.
  const needsDemoSecrets =
    demo &&
    (
      [
        'PARLEY_SESSION_SECRET',
        'PARLEY_ARCHIVE_KEY',
        'PARLEY_AGENT_JWT_SECRET',
        'PARLEY_CUSTOMER_JWT_SECRET',
      ] as const
    ).some((name) => read.string(name) === undefined);
  const secrets: DemoSecrets | null = needsDemoSecrets ? loadDemoSecrets(network.dataDir) : null;
  const idpDemo = (audience: string, secret: string | undefined) =>
    demo && secret !== undefined ? { issuer: DEMO_ISSUER, audience, secret } : null;
  const agentTokens = readTokenVerification(
    read,
    'AGENT',
    idpDemo(DEMO_AGENT_AUDIENCE, secrets?.agentSecret),
  );
  const customerTokens = readTokenVerification(
    read,
    'CUSTOMER',
    idpDemo(DEMO_CUSTOMER_AUDIENCE, secrets?.customerSecret),
  );

  const sessionSecret = read.secret('PARLEY_SESSION_SECRET') ?? secrets?.sessionSecret;
  const archiveKey = read.secret('PARLEY_ARCHIVE_KEY') ?? secrets?.archiveKey;
  for (const [name, value] of [
    ['PARLEY_SESSION_SECRET', sessionSecret],
    ['PARLEY_ARCHIVE_KEY', archiveKey],
  ] as const) {
    if (value === undefined && read.string(name) === undefined) {
      read.fail(
        name,
        `${name} is required: set it to at least 32 random bytes, e.g. the output of node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))" (or PARLEY_DEMO=true for a demo).`,
      );
    }
  }

  // RFC 8725 §3.12: each kind of token must validate only as itself. Distinct audiences keep an
  // agent token from passing as a customer's, and neither may claim Parley's session audience.
  if (agentTokens && customerTokens && agentTokens.audience === customerTokens.audience) {
    read.fail(
      'PARLEY_CUSTOMER_JWT_AUDIENCE',
      'PARLEY_AGENT_JWT_AUDIENCE and PARLEY_CUSTOMER_JWT_AUDIENCE are equal; give them different values so a customer token can never pass as an agent token (RFC 8725 §3.12).',
    );
  }
  for (const [name, tokens] of [
    ['PARLEY_AGENT_JWT_AUDIENCE', agentTokens],
    ['PARLEY_CUSTOMER_JWT_AUDIENCE', customerTokens],
  ] as const) {
    if (tokens?.audience === SESSION_AUDIENCE) {
      read.fail(
        name,
        `${name} must not be "${SESSION_AUDIENCE}": Parley's own session tokens use that audience. Choose another.`,
      );
    }
  }
  // A key that signs Parley's sessions or chains the archive must be used for nothing else: one
  // leaked or shared key must not let one kind of token or signature pass as another.
  const idpSecrets = [agentTokens?.key, customerTokens?.key].flatMap((k) =>
    k?.kind === 'secret' ? [k.secret] : [],
  );
  const own = [
    ['PARLEY_SESSION_SECRET', sessionSecret],
    ['PARLEY_ARCHIVE_KEY', archiveKey],
    ['PARLEY_CALLBACK_WEBHOOK_SECRET', operations.callbackWebhook?.secret],
  ] as const;
  for (const [i, [name, value]] of own.entries()) {
    const others = [...idpSecrets, ...own.slice(0, i).map(([, v]) => v)];
    if (value !== undefined && others.includes(value)) {
      read.fail(name, `${name} is the same as another key; give every key its own random value.`);
    }
  }

  if (
    read.problems.length > 0 ||
    !agentTokens ||
    !customerTokens ||
    !sessionSecret ||
    !archiveKey
  ) {
    throw new ConfigError(read.problems);
  }
  const { sessionTtlMinutes, sessionGraceSeconds, sessionMaxHours, ...conversationPolicy } = policy;
  return deepFreeze<Config>({
    demo,
    ...network,
    ...conversationPolicy,
    ...operations,
    agentTokens,
    customerTokens,
    session: {
      secret: sessionSecret,
      issuer: SESSION_ISSUER,
      audience: SESSION_AUDIENCE,
      ttlMinutes: sessionTtlMinutes,
      graceSeconds: sessionGraceSeconds,
      maxHours: sessionMaxHours,
    },
    archiveKey,
    demoAgents: demo ? demoAgents(policy.teams[0]?.id ?? 'social-care') : [],
  });
}
