import { Notifications } from '@mantine/notifications';
import notificationClasses from './notifications.module.css';

// The toasts' container (transitions, drag to dismiss): loaded lazily by provider.tsx. Pages show
// toasts through the separate `notifications` store, which does not need this code.
export const NotificationsContainer = () => <Notifications position="top-right" classNames={{ root: notificationClasses.root }} />;
