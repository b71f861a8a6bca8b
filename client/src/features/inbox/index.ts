// The recipients' inbox (issue 5): the case file's "Reports" tab of external users mounts CaseInbox.
export { CaseInbox } from './components/case-inbox';
export { inboxQueries } from './api/inbox-queries';
// The menu's inbox entry with the number of reports still to read or confirm.
export { InboxNavLabel } from './components/inbox-nav-label';
