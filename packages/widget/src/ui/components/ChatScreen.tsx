import { useApp } from '../AppContext.js';
import { ClosedNotice } from './ClosedNotice.js';
import { Composer } from './Composer.js';
import { LazyCallbackStatus, LazySurveyForm } from './lazyScreens.js';
import { MessageList } from './MessageList.js';
import { PublicThread } from './PublicThread.js';
import { QueueStatus } from './QueueStatus.js';
import { ThankYou } from './ThankYou.js';
import { TypingIndicator } from './TypingIndicator.js';

/**
 * The conversation: the public thread collapsed on top, the private messages (the first is the
 * server's own recorded-chat notice, in the conversation's language), the queue status, and the composer — or, once closed, the survey and a new start.
 *
 * @example
 * <ChatScreen />
 */
export function ChatScreen() {
  const { state } = useApp();
  const closed = state.conversation?.status.state === 'closed';
  return (
    <>
      <div class="scroll">
        <PublicThread />
        <MessageList />
        <QueueStatus />
        {state.callback === null ? null : <LazyCallbackStatus />}
        {closed && state.survey === 'asked' ? <LazySurveyForm /> : null}
        {closed && state.survey === 'done' ? <ThankYou /> : null}
        {closed ? <ClosedNotice /> : null}
      </div>
      {closed ? null : (
        <>
          <TypingIndicator />
          <Composer />
        </>
      )}
    </>
  );
}
