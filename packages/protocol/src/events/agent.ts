import * as v from 'valibot';
import {
  AgentPresence,
  HandoffClaimed,
  QueueUpdate,
  SetPresence,
  SlaWarning,
} from '../schemas/agent.js';
import {
  AgentRequestCallback,
  Callback,
  ListCallbacks,
  UpdateCallback,
} from '../schemas/callback.js';
import {
  AgentConversation,
  AgentConversationUpdate,
  AgentSnapshot,
  ConversationRef,
  ConversationSummary,
  CustomerHistoryRequest,
  ListConversations,
  ResumeConversation,
  TransferConversation,
} from '../schemas/conversation.js';
import {
  CreateHandoff,
  HandoffCreated,
  HandoffDetail,
  HandoffPicked,
  HandoffRef,
  HandoffSummary,
  ListHandoffs,
  RevokeHandoff,
} from '../schemas/handoff.js';
import {
  AddNote,
  Message,
  MessageAmended,
  ReadSignal,
  ReadUpdate,
  SendMessage,
  TypingSignal,
  TypingUpdate,
} from '../schemas/message.js';
import { Empty } from '../schemas/primitives.js';
import { RefreshSession, SessionExpiring, SessionRefreshed } from '../schemas/session.js';
import { type ClientEventsOf, request, type ServerEventsOf, signal } from './define.js';

/** The agent namespace's path. */
export const AGENT_NAMESPACE = '/agent';

/** Events the agent console emits on `/agent`. */
export const agentRequests = {
  'handoff:create': request(CreateHandoff, HandoffCreated),
  'handoff:list': request(ListHandoffs, v.array(HandoffSummary)),
  'handoff:get': request(HandoffRef, HandoffDetail),
  'handoff:pick': request(HandoffRef, HandoffPicked),
  'handoff:revoke': request(RevokeHandoff, HandoffSummary),
  'conversation:list': request(ListConversations, v.array(AgentConversation)),
  'conversation:join': request(ResumeConversation, AgentSnapshot),
  'message:send': request(SendMessage, Message),
  typing: signal(TypingSignal),
  'message:read': signal(ReadSignal),
  'conversation:transfer': request(TransferConversation, AgentConversation),
  'conversation:close': request(ConversationRef, AgentConversation),
  'note:add': request(AddNote, Message),
  'customer:history': request(CustomerHistoryRequest, v.array(ConversationSummary)),
  'callback:list': request(ListCallbacks, v.array(Callback)),
  'callback:request': request(AgentRequestCallback, Callback),
  'callback:update': request(UpdateCallback, Callback),
  'agent:list': request(Empty, v.array(AgentPresence)),
  'presence:set': request(SetPresence, AgentPresence),
  'session:refresh': request(RefreshSession, SessionRefreshed),
} as const;

/** Events the server pushes to agents on `/agent`. */
export const agentPushes = {
  'handoff:claimed': HandoffClaimed,
  'handoff:updated': HandoffSummary,
  'message:new': Message,
  'message:amended': MessageAmended,
  typing: TypingUpdate,
  'message:read': ReadUpdate,
  'conversation:updated': AgentConversationUpdate,
  'callback:new': Callback,
  'callback:updated': Callback,
  'queue:updated': QueueUpdate,
  'sla:warning': SlaWarning,
  'session:expiring': SessionExpiring,
} as const;

/** `/agent` client → server. */
export type AgentClientEvents = ClientEventsOf<typeof agentRequests>;
/** `/agent` server → client. */
export type AgentServerEvents = ServerEventsOf<typeof agentPushes>;
