export { formatDateTime } from '@/lib/format';

