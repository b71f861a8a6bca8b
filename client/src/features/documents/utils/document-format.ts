export { formatDateTime, formatFileSize, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, shortHash } from '@/lib/format';

