import { markdownLines } from './markdownText.js';

/**
 * The opening fence of a block the docs check runs: a shell block whose info string adds the word
 * `runnable` (```sh runnable). Renderers highlight it by the first word, so readers see an
 * ordinary shell block.
 */
const RUNNABLE_FENCE_REGEX = /^```(?:sh|bash) runnable\s*$/;

/** A code block marked runnable. */
export interface RunnableBlock {
  /** The line of the opening fence. */
  line: number;
  script: string;
}

/**
 * The blocks of a Markdown document marked ```sh runnable, in order.
 *
 * @example
 * runnableBlocks('```sh runnable\necho hi\n```')[0]?.script; // 'echo hi'
 */
export function runnableBlocks(markdown: string): RunnableBlock[] {
  const blocks: RunnableBlock[] = [];
  let open: { line: number; body: string[] } | null = null;
  for (const line of markdownLines(markdown)) {
    // Only a fence that opens a block counts: a runnable block shown inside a longer fence (as
    // CONTRIBUTING.md does to explain the convention) is an example, not a command.
    if (open === null) {
      if (line.fence === 'open' && RUNNABLE_FENCE_REGEX.test(line.text))
        open = { line: line.number, body: [] };
    } else if (line.fence === 'close') {
      blocks.push({ line: open.line, script: open.body.join('\n') });
      open = null;
    } else open.body.push(line.text);
  }
  return blocks;
}
