// The environment the Parley server under test reads, shared by the server process (loadConfig)
// and the load generator (which mints the tokens that server verifies). HS256 secrets as in the
// test harness, so the generator can sign every token; these values guard nothing.
export const BENCH_ENV = {
  PARLEY_HOST: '127.0.0.1',
  PARLEY_PORT: '0',
  PARLEY_LOG_LEVEL: 'warn',
  // The highest values the config accepts: the bench offers up to tens of messages per second
  // per socket and claims 1,000 links from one address, which the production limits refuse.
  PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '1000',
  PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
  PARLEY_AGENT_JWT_ISSUER: 'https://idp.bank.test',
  PARLEY_AGENT_JWT_AUDIENCE: 'parley-agents',
  PARLEY_AGENT_JWT_SECRET: 'agent-secret-0123456789abcdef0123456789abcdef',
  PARLEY_CUSTOMER_JWT_ISSUER: 'https://login.bank.test',
  PARLEY_CUSTOMER_JWT_AUDIENCE: 'parley-customers',
  PARLEY_CUSTOMER_JWT_SECRET: 'customer-secret-0123456789abcdef0123456789abcd',
  PARLEY_SESSION_SECRET: 'session-secret-0123456789abcdef0123456789abcdef',
  PARLEY_ARCHIVE_KEY: 'archive-key-0123456789abcdef0123456789abcdef01',
  PARLEY_METRICS_TOKEN: 'metrics-token-for-bench-0123456789abcdef',
  PARLEY_TEAMS: JSON.stringify([{ id: 'social-care', name: 'Social care', openingHours: null }]),
};
