import { useMemo } from 'preact/hooks';
import { SHORTCUT_HELP, useShortcuts } from '../keyboard/useShortcuts';
import { useStore } from '../state/useStore';
import { AlertSettings } from './AlertSettings';
import { ComplianceView } from './ComplianceView';
import { ConnectionBadge } from './ConnectionBadge';
import { useConsole } from './ConsoleContext';
import { ConversationView } from './ConversationView';
import { HandoffForm } from './HandoffForm';
import { Inbox } from './Inbox';
import { NoticeBar } from './NoticeBar';
import { SessionBanner } from './SessionBanner';
import { SupervisorView } from './SupervisorView';

/**
 * The signed-in console's frame: the top bar (views, connection, alerts, who is signed in), the
 * notice line, the inbox on the left and the selected view on the right.
 *
 * @example
 * <ConsoleShell onSignOut={signOut} />
 */
export function ConsoleShell(props: { onSignOut: () => void }) {
  const { store, actions, me } = useConsole();
  const view = useStore(store, (s) => s.view);
  const selectedId = useStore(store, (s) => s.selectedId);
  const works = me.roles.includes('agent') || me.roles.includes('supervisor');
  const supervisor = me.roles.includes('supervisor');
  const compliance = me.roles.includes('compliance') || supervisor;
  const current = works ? view : 'compliance';

  const shortcuts = useMemo(
    () => [
      { code: 'ArrowDown', run: () => actions.step(1) },
      { code: 'ArrowUp', run: () => actions.step(-1) },
      { code: 'KeyH', run: () => actions.setView('handoff') },
      { code: 'KeyI', run: () => actions.setView('inbox') },
    ],
    [actions],
  );
  useShortcuts(works ? shortcuts : []);

  const tab = (id: typeof view, label: string) => (
    <button
      type="button"
      class="tab"
      aria-current={current === id ? 'page' : undefined}
      onClick={() => actions.setView(id)}
    >
      {label}
    </button>
  );

  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true" /> Parley
        </span>
        <nav class="tabs" aria-label="Views">
          {works && tab('inbox', 'Inbox')}
          {works && tab('handoff', 'New handoff')}
          {supervisor && tab('supervisor', 'Supervisor')}
          {compliance && tab('compliance', 'Compliance')}
        </nav>
        <div class="topbar-end">
          <ConnectionBadge />
          {works && <AlertSettings />}
          <span class="whoami">
            <strong>{me.name}</strong>
            <span class="muted"> · {me.roles.join(', ')}</span>
          </span>
          <button type="button" class="button small" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <SessionBanner />
      <NoticeBar />
      <div class={works ? 'workspace' : 'workspace single'}>
        {works && <Inbox />}
        <main class="main" id="main">
          {current === 'inbox' &&
            (selectedId === null ? (
              <div class="empty-main">
                <h1>Pick a conversation</h1>
                <p class="muted">
                  Conversations waiting for you are at the top of the inbox, the first to breach its
                  SLA first. Create a handoff link for a public post with “New handoff”.
                </p>
              </div>
            ) : (
              <ConversationView key={selectedId} conversationId={selectedId} />
            ))}
          {current === 'handoff' && <HandoffForm />}
          {current === 'supervisor' && supervisor && <SupervisorView />}
          {current === 'compliance' && compliance && <ComplianceView />}
        </main>
      </div>
      {works && (
        <footer class="shortcut-help">
          <h2 class="visually-hidden">Keyboard shortcuts</h2>
          {SHORTCUT_HELP.map(([keys, what]) => (
            <span key={keys}>
              <kbd>{keys}</kbd> {what}
            </span>
          ))}
        </footer>
      )}
    </div>
  );
}
