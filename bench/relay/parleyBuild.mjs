// The built Parley server and protocol (`npm run build` → packages/*/dist). Node 20 cannot run the
// TypeScript sources, so the bench loads dist/ and refuses to start without it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER = new URL('../../packages/server/', import.meta.url);
const PROTOCOL = new URL('../../packages/protocol/', import.meta.url);
const ENTRY = new URL('dist/createParleyServer.js', SERVER);

function newestSource(packageUrl) {
  const src = fileURLToPath(new URL('src/', packageUrl));
  let newest = 0;
  for (const file of readdirSync(src, { recursive: true })) {
    if (file.endsWith('.ts')) newest = Math.max(newest, statSync(`${src}/${file}`).mtimeMs);
  }
  return newest;
}

/**
 * Throws when dist/ is missing; returns a warning when a source file is newer than the build, so
 * a stale build is named in the output rather than measured silently.
 */
export function checkBuild() {
  if (!existsSync(ENTRY) || !existsSync(new URL('dist/index.js', PROTOCOL))) {
    throw new Error('packages/server/dist is missing: run `npm run build` at the repository root.');
  }
  const built = statSync(ENTRY).mtimeMs;
  const stale = [SERVER, PROTOCOL].some((p) => newestSource(p) > built);
  return stale
    ? 'warning: a source file is newer than packages/server/dist; run `npm run build`.'
    : null;
}

/**
 * A module of the built server by its path under packages/server/dist, e.g.
 * `importServerModule('store/sqlite/walSync.js')`.
 */
export function importServerModule(path) {
  return import(new URL(`dist/${path}`, SERVER).href);
}

/** What the bench uses of the built server: start it, read its config, mint its tokens. */
export async function importParley() {
  const [{ createParleyServer }, { loadConfig }, { mintDemoTokens }, protocol] = await Promise.all([
    import(ENTRY.href),
    importServerModule('config/index.js'),
    importServerModule('auth/mintDemoTokens.js'),
    import('@parley/protocol'),
  ]);
  return {
    createParleyServer,
    loadConfig,
    mintDemoTokens,
    PROTOCOL_MAJOR: protocol.PROTOCOL_MAJOR,
    AGENT_NAMESPACE: protocol.AGENT_NAMESPACE,
    CUSTOMER_NAMESPACE: protocol.CUSTOMER_NAMESPACE,
  };
}
