/**
 * The host and launcher styles, as small as they can be: the loader carries them to every page.
 * `!important` on the host, because the page's own rules outrank `:host` for the host element
 * itself. Outside the launcher and the open panel nothing takes clicks, and nothing here touches
 * the page's `<body>`. The launcher is a pill with its words on it ("Chat with us"): a visible
 * label needs no icon and reads well at any zoom; its focus ring is the browser's own two-tone
 * ring. The unread badge, the inline host and hiding the launcher while the panel is open are
 * styled by the UI chunk.
 */
export const LAUNCHER_CSS =
  ':host{all:initial!important;position:fixed!important;z-index:2147483000!important}' +
  '.l{position:fixed;bottom:20px;right:20px;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--parley-brand,#0b5cad);color:var(--parley-on-brand,#fff);font:600 16px var(--parley-font,system-ui,sans-serif);box-shadow:0 4px 14px #0006;cursor:pointer}' +
  ':host([data-position=left]) .l{right:auto;left:20px}';
