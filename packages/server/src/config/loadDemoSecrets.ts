import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './ConfigError.js';

/** The keys demo mode generates once and keeps in `${dataDir}/demo-secrets.json`. */
export interface DemoSecrets {
  readonly agentSecret: string;
  readonly customerSecret: string;
  readonly sessionSecret: string;
  readonly archiveKey: string;
}

const FILE_NAME = 'demo-secrets.json';
const KEYS = ['agentSecret', 'customerSecret', 'sessionSecret', 'archiveKey'] as const;
/** Owner read/write only: these keys sign tokens that log anyone in as a demo agent. */
const FILE_MODE = 0o600;

function generate(): DemoSecrets {
  const secret = () => randomBytes(32).toString('base64url');
  return {
    agentSecret: secret(),
    customerSecret: secret(),
    sessionSecret: secret(),
    archiveKey: secret(),
  };
}

function parse(text: string, path: string): DemoSecrets {
  const broken = new ConfigError([
    {
      variable: 'PARLEY_DATA_DIR',
      message: `${path} is not a valid demo secrets file. Delete it to generate new demo secrets (demo tokens issued before stop working).`,
    },
  ]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw broken;
  }
  if (typeof input !== 'object' || input === null) throw broken;
  const record = input as Record<string, unknown>;
  for (const key of KEYS) {
    const value = record[key];
    if (typeof value !== 'string' || value.length < 32) throw broken;
  }
  const secret = (key: (typeof KEYS)[number]) => record[key] as string;
  return {
    agentSecret: secret('agentSecret'),
    customerSecret: secret('customerSecret'),
    sessionSecret: secret('sessionSecret'),
    archiveKey: secret('archiveKey'),
  };
}

/**
 * Returns the demo secrets of `dataDir`, generating them on first use, so demo tokens and the
 * archive chain survive a restart. The file is written to a temporary name and hard-linked into
 * place: `link` never overwrites, so when two processes start at once both end up with the
 * first one's secrets, and no reader ever sees a half-written file.
 *
 * @example
 * const { sessionSecret } = loadDemoSecrets('/var/lib/parley');
 */
export function loadDemoSecrets(dataDir: string): DemoSecrets {
  const path = join(dataDir, FILE_NAME);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, FILE_MODE);
      return parse(readFileSync(path, 'utf8'), path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(generate(), null, 2)}\n`, {
      mode: FILE_MODE,
      flag: 'wx',
    });
    try {
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
    return parse(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([
      {
        variable: 'PARLEY_DATA_DIR',
        message: `Cannot keep demo secrets in ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Set PARLEY_DATA_DIR to a writable directory.`,
      },
    ]);
  }
}
