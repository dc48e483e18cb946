import { describe, expect, it } from 'vitest';
import { anchorsOf, headingAnchor, relativeLinks } from './markdownLinks.js';
import { runnableBlocks } from './runnableBlocks.js';

describe('the docs check reads Markdown as GitHub does', () => {
  it('makes heading anchors the way GitHub does', () => {
    expect(headingAnchor('`/customer`: what the widget sends')).toBe(
      'customer-what-the-widget-sends',
    );
    expect(headingAnchor('## `POST /v1/handoffs`'.slice(3))).toBe('post-v1handoffs');
    expect(headingAnchor('TLS and a [reverse proxy](x.md)')).toBe('tls-and-a-reverse-proxy');
    expect(headingAnchor('Настройка и запуск')).toBe('настройка-и-запуск');
    expect(headingAnchor('PARLEY_PORT and snake_case')).toBe('parley_port-and-snake_case');
  });

  it('numbers repeated headings and ignores headings in code', () => {
    const anchors = anchorsOf('# Figures\n## Figures\n```sh\n# not a heading\n```\n<a id="x"></a>');
    expect([...anchors].sort()).toEqual(['figures', 'figures-1', 'x']);
  });

  it('takes relative links from prose only', () => {
    const markdown = [
      '[a](docs/a.md) and ![b](images/b.png "B") and [web](https://x.example) [m](mailto:a@b.c)',
      'code: `[c](c.md)`',
      '```md',
      '[d](d.md)',
      '```',
      '[e]: ../e.md',
      '[f](#local)',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([
      { line: 1, target: 'docs/a.md' },
      { line: 1, target: 'images/b.png' },
      { line: 6, target: '../e.md' },
      { line: 7, target: '#local' },
    ]);
  });

  it('runs only blocks marked runnable, not examples of them inside a longer fence', () => {
    const markdown = [
      '```sh',
      'npm install',
      '```',
      '```sh runnable',
      'echo one',
      'echo two',
      '```',
      '````md',
      '```sh runnable',
      'echo example',
      '```',
      '````',
    ].join('\n');
    expect(runnableBlocks(markdown)).toEqual([{ line: 4, script: 'echo one\necho two' }]);
  });
});
