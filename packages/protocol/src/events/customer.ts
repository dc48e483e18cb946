import * as v from 'valibot';
import { Callback, CallbackRef, ListCallbacks, RequestCallback } from '../schemas/callback.js';
import {
  ConversationRef,
  CustomerConversation,
  CustomerConversationUpdate,
  CustomerSnapshot,
  ResumeConversation,
  StartConversation,
} from '../schemas/conversation.js';
import { HandoffCodeRequest, HandoffPreview } from '../schemas/handoff.js';
import {
  CustomerMessage,
  MessageAmended,
  ReadSignal,
  ReadUpdate,
  SendMessage,
  TypingSignal,
  TypingUpdate,
} from '../schemas/message.js';
import {
  RefreshSession,
  SessionExpiring,
  SessionIssued,
  SessionRefreshed,
} from '../schemas/session.js';
import { SubmitSurvey, SurveyReceipt, SurveyRequest } from '../schemas/survey.js';
import { type ClientEventsOf, request, type ServerEventsOf, signal } from './define.js';

/** The customer namespace's path. */
export const CUSTOMER_NAMESPACE = '/customer';

/** Events a customer's widget emits on `/customer`. */
export const customerRequests = {
  'handoff:preview': request(HandoffCodeRequest, HandoffPreview),
  'handoff:claim': request(HandoffCodeRequest, CustomerSnapshot),
  'conversation:start': request(StartConversation, CustomerSnapshot),
  'conversation:resume': request(ResumeConversation, CustomerSnapshot),
  'conversation:end': request(ConversationRef, CustomerConversation),
  'message:send': request(SendMessage, CustomerMessage),
  typing: signal(TypingSignal),
  'message:read': signal(ReadSignal),
  'callback:request': request(RequestCallback, Callback),
  'callback:cancel': request(CallbackRef, Callback),
  'callback:list': request(ListCallbacks, v.array(Callback)),
  'survey:submit': request(SubmitSurvey, SurveyReceipt),
  'session:refresh': request(RefreshSession, SessionRefreshed),
} as const;

/** Events the server pushes to a customer on `/customer`. */
export const customerPushes = {
  'session:issued': SessionIssued,
  'message:new': CustomerMessage,
  'message:amended': MessageAmended,
  typing: TypingUpdate,
  'message:read': ReadUpdate,
  'conversation:updated': CustomerConversationUpdate,
  'callback:updated': Callback,
  'survey:request': SurveyRequest,
  'session:expiring': SessionExpiring,
} as const;

/** `/customer` client → server, for `Server<CustomerClientEvents, CustomerServerEvents>`. */
export type CustomerClientEvents = ClientEventsOf<typeof customerRequests>;
/** `/customer` server → client, for `Socket<CustomerServerEvents, CustomerClientEvents>`. */
export type CustomerServerEvents = ServerEventsOf<typeof customerPushes>;
