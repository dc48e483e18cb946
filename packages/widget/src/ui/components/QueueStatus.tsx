import { useApp } from '../AppContext.js';

/**
 * Where the customer stands before an agent answers: who will answer, or their place in the
 * queue and the team's opening hours, with a call back offered when the team is closed.
 *
 * @example
 * <QueueStatus />
 */
export function QueueStatus() {
  const { state, t, f, show } = useApp();
  const status = state.conversation?.status;
  if (status?.state === 'waiting')
    return <p class="queue">{t('waiting', { agent: status.agent.name })}</p>;
  if (status?.state !== 'queued') return null;
  const hours = status.openingHours;
  return (
    <div class="queue">
      <p>{status.position <= 1 ? t('queueNext') : t('queueAhead', { n: status.position - 1 })}</p>
      {hours === null ? null : <p>{t('hours', { hours: f.hours(hours) })}</p>}
      {hours?.openNow === false ? (
        <p>
          {t('closedNow')}{' '}
          <button type="button" class="link" onClick={() => show('callback')}>
            {t('cbTitle')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
