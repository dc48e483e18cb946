import { verifyArchive } from './archive/verifyArchive.js';
import { generateServiceKey } from './auth/generateServiceKey.js';
import { mintDemoTokens } from './auth/mintDemoTokens.js';
import { type Config, ConfigError, loadConfig } from './config/index.js';
import { createParleyServer } from './createParleyServer.js';
import { newId } from './domain/ids.js';
import { openStore } from './store/openStore.js';

const USAGE = `Usage: parley-server <command>

  start                          start the server (configuration from PARLEY_* variables)
  token agent <id>               print an agent token (demo and HS256 set-ups)
  token customer <id> [name]     print a customer identity token (demo and HS256 set-ups)
  service-key create <name>      create a service API key for the bank's social tool; printed once
  verify-archive                 verify every conversation's hash chain; exit 1 at the first broken link
`;

/** Where the CLI writes and what it reads; the real process in `cli.ts`, buffers in tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

function storeOf(config: Config) {
  return openStore(config, Buffer.from(config.archiveKey, 'utf8'));
}

async function start(config: Config, out: CliIo): Promise<number> {
  const server = await createParleyServer(config);
  const base = config.publicUrl;
  const lines = [`Parley is running on ${server.url}`];
  if (config.demo) lines.push(`  Demo bank page   ${base}/demo`);
  lines.push(
    `  Agent console    ${base}/console`,
    `  Health           ${base}/healthz`,
    `  REST API         ${base}/v1/openapi.json`,
  );
  out.stdout(`\n${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return 0;
}

/**
 * Runs one `parley-server` command and returns its exit code. `start` keeps running (the server
 * holds the event loop); every other command finishes.
 *
 * @example
 * const code = await runCli(['token', 'agent', 'alice'], { env: process.env, stdout, stderr });
 */
export async function runCli(argv: readonly string[], out: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    out.stdout(USAGE);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(out.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    return await runCommand(command, args, config, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    out.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runCommand(
  command: string,
  args: string[],
  config: Config,
  out: CliIo,
): Promise<number> {
  switch (command) {
    case 'start':
      return start(config, out);
    case 'token': {
      const [kind, id, ...name] = args;
      if ((kind !== 'agent' && kind !== 'customer') || id === undefined)
        throw new UsageError('Say which token: token agent <id> or token customer <id>.');
      const minter = mintDemoTokens(config);
      const minted =
        kind === 'agent'
          ? minter.agentToken(id)
          : minter.customerIdentityToken({ sub: id, name: name.join(' ') || id });
      out.stdout(`${minted.token}\n`);
      return 0;
    }
    case 'service-key': {
      const [action, ...name] = args;
      if (action !== 'create' || name.length === 0)
        throw new UsageError('Name the key: service-key create <name>.');
      const store = storeOf(config);
      await store.migrate();
      const { key, keyHash } = generateServiceKey();
      await store.insertServiceKey({
        id: newId('serviceKey'),
        keyHash,
        name: name.join(' '),
        createdAt: new Date().toISOString(),
      });
      await store.close();
      out.stdout(`${key}\n`);
      return 0;
    }
    case 'verify-archive': {
      const store = storeOf(config);
      const report = await verifyArchive(store, Buffer.from(config.archiveKey, 'utf8'));
      await store.close();
      (report.ok ? out.stdout : out.stderr)(`${report.text}\n`);
      return report.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}
