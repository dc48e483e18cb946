/**
 * The panel's styles, adopted into the shadow root: nothing leaks out, and the page's styles
 * cannot reach in (only the `--parley-*` custom properties inherit, by design). Colours meet
 * WCAG AA (4.5:1 for text) in light and dark; every input is 16 px so phones do not zoom; the
 * one animation runs only where `prefers-reduced-motion` allows it. Written tersely on purpose:
 * every byte here ships to every customer who opens the chat.
 */
const DARK =
  '--bg:#16191d;--fg:#eef1f4;--mu:#b4bcc6;--ln:#4a525c;--so:#242a31;--er:#ffb4ab;--lk:#9cc3ff';

export const PANEL_CSS = `:host{--pb:var(--parley-brand,#0b5cad);--pob:var(--parley-on-brand,#fff);--pf:var(--parley-font,system-ui,sans-serif);--pr:var(--parley-radius,12px);--bg:#fff;--fg:#1b1f24;--mu:#4f5863;--ln:#c9d0d8;--so:#f1f3f5;--er:#b3261e;--lk:#0b5cad}
@media (prefers-color-scheme:dark){:host(:not([data-scheme=light])){${DARK}}}
:host([data-scheme=dark]){${DARK}}
:host([data-mode=inline]){position:relative!important;display:block!important;height:100%!important;z-index:auto!important}
*{box-sizing:border-box}
.l[hidden],.b:empty{display:none}
.b{position:absolute;top:-6px;right:-4px;min-width:22px;padding:0 6px;border-radius:11px;background:#b3261e;color:#fff;font:700 13px/22px var(--pf)}
.p{position:fixed;bottom:20px;right:20px;width:min(380px,calc(100vw - 40px));height:min(640px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--bg);color:var(--fg);font:16px/1.45 var(--pf);border-radius:var(--pr);box-shadow:0 8px 32px #0006;overflow:hidden}
.p[hidden]{display:none}
:host([data-position=left]) .p{right:auto;left:20px}
:host([data-mode=inline]) .p{position:relative;inset:auto;width:100%;height:100%;min-height:420px;border-radius:0;box-shadow:none}
@media (max-width:480px),(max-height:560px){:host(:not([data-mode=inline])) .p{inset:var(--pw-vvt,0) 0 auto;width:100%;height:var(--pw-vvh,100%);border-radius:0}}
.head{position:relative;display:flex;align-items:center;gap:4px;padding:8px 8px 8px 16px;background:var(--pb);color:var(--pob)}
.title{flex:1;min-width:0}
h2{font-size:17px;margin:0}
.head p{margin:0;font-size:14px}
.icon{width:44px;height:44px;border:0;border-radius:8px;background:none;color:inherit;font:700 20px var(--pf);cursor:pointer}
.menu{position:absolute;top:100%;right:8px;z-index:2;list-style:none;margin:4px 0 0;padding:4px;background:var(--bg);color:var(--fg);border:1px solid var(--ln);border-radius:8px}
.menu button{display:block;width:100%;min-height:44px;padding:8px 12px;border:0;background:none;color:inherit;font:inherit;text-align:start;cursor:pointer}
.banner,.err{padding:8px 16px;font-size:14px;background:#fff4d6;color:#4a3500}
.err,.banner.offline{background:#fde7e4;color:#6d1710}
.err .link{color:inherit}
.main{flex:1;min-height:0;display:flex;flex-direction:column}
.scroll{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:12px 16px}
.stack>*+*,.card>*+*,.queue>*+*{margin-top:10px}
.h{font-size:20px;line-height:1.3;margin:0}
h2:focus,.h:focus{outline:0}
h4{font-size:16px;margin:0}
p{margin:0}
.muted,.meta,.hint,.name,.sys,.day,.typing{color:var(--mu);font-size:14px}
.btn{min-height:44px;padding:10px 18px;border:2px solid var(--pb);border-radius:8px;background:var(--pb);color:var(--pob);font:600 16px var(--pf);cursor:pointer}
.btn.secondary{background:none;color:var(--fg);border-color:var(--ln)}
.btn.danger{background:var(--er);border-color:var(--er);color:var(--bg)}
.btn:disabled{opacity:.55;cursor:default}
.stack>.btn{width:100%}
.link{border:0;background:none;padding:4px 0;color:var(--lk);font:inherit;text-decoration:underline;cursor:pointer}
a{color:var(--lk)}
.me .bubble a{color:inherit}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.head :focus-visible{outline-color:var(--pob)}
.card,.queue,.public{padding:10px 12px;border:1px solid var(--ln);border-radius:8px;background:var(--so)}
.mono{font:14px monospace;overflow-wrap:anywhere}
label,legend{display:block;font-weight:600;padding:0}
input,textarea,select{display:block;width:100%;margin-top:4px;padding:10px 12px;border:1px solid var(--mu);border-radius:8px;background:var(--bg);color:var(--fg);font:16px var(--pf)}
[aria-invalid=true]{border:2px solid var(--er)}
fieldset{border:0;padding:0;margin:0;min-width:0}
.row{display:flex;gap:8px;align-items:flex-end}
.row>label{flex:1}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.public{border-style:dashed;margin-bottom:8px}
summary{cursor:pointer}
.posts{list-style:none;margin:8px 0;padding:0}
.posts li{padding:6px 0;border-top:1px solid var(--ln)}
.text,.bubble{white-space:pre-wrap;overflow-wrap:anywhere}
.msgs{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.msgs li{max-width:85%}
.me{align-self:flex-end;text-align:end}
.them{align-self:flex-start}
.bubble{display:inline-block;text-align:start;padding:8px 12px;border-radius:var(--pr);background:var(--so)}
.me .bubble{background:var(--pb);color:var(--pob)}
.pending .bubble{background:var(--so);color:var(--fg);outline:1px dashed var(--mu)}
.msgs .meta{font-size:12px}
.name{font-weight:600}
.msgs .sys,.msgs .day{align-self:center;max-width:100%;text-align:center}
.day{font-weight:600}
.queue{margin-top:12px}
.typing{min-height:22px;margin:0;padding:0 16px}
.composer{padding:4px 12px 12px;border-top:1px solid var(--ln)}
.note:empty{display:none}
.composer textarea{max-height:30vh;min-height:44px}
.closed,.callback{margin-top:12px}
.err-text{color:var(--er);font-size:14px}
@media (prefers-reduced-motion:no-preference){:host(:not([data-mode=inline])) .p{animation:pw .2s ease-out}@keyframes pw{from{opacity:0;transform:translateY(8px)}}}`;
