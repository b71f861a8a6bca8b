export { formatDateTime, shortHash } from '@/lib/format';

