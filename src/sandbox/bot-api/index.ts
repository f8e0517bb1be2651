export { BotApiStandIn } from './stand-in.js'
export type {
  ApiCall,
  BotApiStandInOptions,
  CallbackAnswer,
  ChatEntry,
  EntryKind,
  Fault,
  LimitViolation,
  MemberStatus,
  ReplyMarkup,
} from './types.js'
