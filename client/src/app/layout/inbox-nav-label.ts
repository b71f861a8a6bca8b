// The menu's inbox entry (features/inbox), as its own download: app-layout loads this module
// lazily, so the shell never imports the inbox feature (and its contracts) statically.
export { InboxNavLabel } from '@/features/inbox';
