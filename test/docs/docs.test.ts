import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../packages/server/src/config/index.js';
import { CLI, type DemoServer, startDemoServer } from './demoServer.js';
import { documentationFiles, ROOT } from './markdownFiles.js';
import { anchorsOf, relativeLinks } from './markdownLinks.js';
import { runnableBlocks } from './runnableBlocks.js';
import { variablesInServerSource } from './serverVariables.js';

const files = documentationFiles();
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the documentation', () => {
  it('covers the files a reader follows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'docs/deployment.md',
        'docs/getting-started.md',
        'examples/README.md',
      ]),
    );
  });

  it.each(files)('%s: every relative link and #anchor resolves', (file) => {
    const broken: string[] = [];
    for (const { line, target } of relativeLinks(read(file))) {
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)));
      if (!existsSync(join(ROOT, resolved))) {
        broken.push(`line ${line}: ${target} (no file ${resolved})`);
        continue;
      }
      if (
        anchor !== undefined &&
        resolved.endsWith('.md') &&
        !anchorsOf(read(resolved)).has(anchor)
      )
        broken.push(`line ${line}: ${target} (no heading #${anchor} in ${resolved})`);
    }
    expect(broken, `Broken links in ${file}`).toEqual([]);
  });

  it('documents in docs/deployment.md every PARLEY_* variable the server reads', () => {
    const deployment = read('docs/deployment.md');
    const inSource = variablesInServerSource();
    // The scan must see what the config reads, or it proves nothing.
    expect([...inSource]).toEqual(expect.arrayContaining(['PARLEY_PORT', 'PARLEY_DEMO']));
    const names = new Set([...inSource, ...CONFIG_VARIABLES.map((variable) => variable.name)]);
    const missing = [...names].filter((name) => !deployment.includes(`| \`${name}\` |`));
    expect(
      missing,
      'Add a row to the configuration table in docs/deployment.md (and the variable to CONFIG_VARIABLES)',
    ).toEqual([]);
  });
});

const blocks = files.flatMap((file) =>
  runnableBlocks(read(file)).map((block) => ({ ...block, name: `${file}:${block.line}` })),
);

describe('the runnable blocks (```sh runnable), against a demo server', () => {
  let demo: DemoServer;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('The server has not been built. Run: npm run build');
    if (!existsSync(join(ROOT, 'node_modules/.bin/parley-server')))
      throw new Error(
        'node_modules/.bin/parley-server is missing, so `npx parley-server` would look in the registry. Run: npm install',
      );
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('finds some, in the guides that promise them', () => {
    const where = new Set(blocks.map((block) => block.name.split(':')[0]));
    expect([...where]).toEqual(
      expect.arrayContaining(['docs/getting-started.md', 'docs/handoff-guide.md']),
    );
  });

  it.each(blocks)('$name exits 0', ({ script }) => {
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        // The address and data folder a reader's `npm start` would have, here the test's server.
        SERVER: demo.url,
        PARLEY_DATA_DIR: demo.dataDir,
        // Never let `npx` look up or install a package of that name in the registry.
        npm_config_offline: 'true',
        npm_config_yes: 'false',
        npm_config_update_notifier: 'false',
      },
    });
    expect(
      result.status,
      `exit ${result.status ?? result.signal}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    ).toBe(0);
  });
});
