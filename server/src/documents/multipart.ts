import { UPLOAD_FILE_FIELD, type FieldError } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';

export interface UploadedFile {
  data: Buffer;
  fileName: string;
}

export interface MultipartUpload {
  fields: Record<string, string>;
  file: UploadedFile;
}

// Browsers escape only these three characters in a multipart file name (WHATWG HTML, "multipart/
// form-data encoding algorithm"); the parser leaves them escaped.
export const decodeFormFileName = (name: string) => name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');

// Reads a multipart/form-data request with exactly one file part (named "file") and text fields.
// The plugin's limits (app.ts) stop an oversized file or too many parts with 413 before anything
// is stored; every part is read to the end so the client always gets the answer.
export async function readSingleFileUpload(request: FastifyRequest): Promise<MultipartUpload> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the document as multipart/form-data');
  }
  const fields: Record<string, string> = {};
  const problems: FieldError[] = [];
  let file: UploadedFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== UPLOAD_FILE_FIELD || file) {
        part.file.resume();
        await new Promise<void>((resolve) => part.file.once('close', resolve).once('end', resolve));
        problems.push({ path: part.fieldname, code: 'unexpected_file', message: `Send one file, in the "${UPLOAD_FILE_FIELD}" field` });
        continue;
      }
      // Throws the plugin's 413 when the file is over the limit.
      file = { data: await part.toBuffer(), fileName: decodeFormFileName(part.filename) };
      continue;
    }
    if (part.fieldnameTruncated || part.valueTruncated) {
      problems.push({ path: part.fieldname, code: 'too_big', message: 'Value too long' });
    } else if (Object.hasOwn(fields, part.fieldname)) {
      problems.push({ path: part.fieldname, code: 'duplicate', message: 'Field sent twice' });
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) problems.push({ path: UPLOAD_FILE_FIELD, code: 'required', message: 'Attach a file' });
  else if (file.data.length === 0) problems.push({ path: UPLOAD_FILE_FIELD, code: 'too_small', message: 'The file is empty' });
  if (problems.length || !file) throw new AppError('VALIDATION_FAILED', 'Invalid upload', { fields: problems });
  return { fields, file };
}
