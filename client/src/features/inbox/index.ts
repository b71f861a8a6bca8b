// The recipients' inbox (issue 5): the page of reports released to an external user, and the
// case page's "Reports" tab of external users (CaseInbox).
export { CaseInbox } from './components/case-inbox';
export { InboxPage, inboxStatusFrom } from './components/inbox-page';
export { inboxQueries } from './api/inbox-queries';
// The menu's inbox entry with the number of reports still to read or confirm (the app loads it as
// its own download: it needs the inbox contracts).
export { InboxNavLabel } from './components/inbox-nav-label';
