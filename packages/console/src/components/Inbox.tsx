import { inboxSections } from '../state/inboxSections';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';
import { InboxRowView } from './InboxRowView';

/**
 * The agent's live lists — my conversations, the team queue, my handoffs, call-backs — each
 * sorted by SLA deadline, updated by pushes (no polling).
 *
 * @example
 * <Inbox />
 */
export function Inbox() {
  const { store, me, config } = useConsole();
  const conversations = useStore(store, (s) => s.conversations);
  const handoffs = useStore(store, (s) => s.handoffs);
  const callbacks = useStore(store, (s) => s.callbacks);
  const unread = useStore(store, (s) => s.unread);
  const selectedId = useStore(store, (s) => s.selectedId);
  const sections = inboxSections(
    { conversations, handoffs, callbacks, unread },
    me,
    config.slaMinutes,
  );
  return (
    <nav class="inbox" aria-label="Inbox">
      {sections.map((section) => (
        <section key={section.id} class="inbox-section" aria-labelledby={`inbox-${section.id}`}>
          <h2 id={`inbox-${section.id}`} class="inbox-title">
            {section.title}
            <span class="count">
              {section.rows.length}
              <span class="visually-hidden"> items</span>
            </span>
          </h2>
          {section.rows.length === 0 ? (
            <p class="inbox-empty">{section.empty}</p>
          ) : (
            <ul class="inbox-rows" data-section={section.id}>
              {section.rows.map((row) => (
                <InboxRowView key={row.key} row={row} selected={row.key === selectedId} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}
