// The notifications capability's public surface: telling people what they must act on.
export {
  type AudienceSelector,
  DELIVERIES,
  type Delivery,
  NOTIFICATION_KINDS,
  NOTIFICATION_VALUES,
  type NotificationKind,
} from "./domain/kinds";
export { DIGEST_JOB, notificationsJobs } from "./jobs";
export { countUnreadNotifications } from "./use-cases/list-my-notifications";
export { type NotificationSubjectType, type NotifyInput, notify } from "./use-cases/notify";
export { sendNotificationDigests } from "./use-cases/send-digests";
