import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldMessage, zodIssueMessage } from '@/lib/form-errors';

type Issue = Parameters<typeof zodIssueMessage>[0] & { params?: { code?: unknown }; path?: readonly PropertyKey[]; message?: string };

// A zod issue as a translation descriptor. The contracts' refinements carry their own (English)
// message and a params.code: "required" (the mediator's name once one was present, the reason for
// a cancellation…) reads as a missing field; "too_short" is the monitoring's minimum length.
export const returnIssueMessage = (issue: Issue): string => {
  if (issue.code === 'custom') {
    const code = issue.params?.code;
    if (code === 'required') return fieldMessage('validation.required');
    if (code === 'too_short') return 'return.fieldErrors.too_short';
    return fieldMessage('validation.invalid');
  }
  return zodIssueMessage(issue);
};

// Validates the values as they will be sent (reshaped from what the form holds) with the
// contract's schema, so the form and the server apply one rule; errors land on the form's fields
// by the schema's paths, as translation descriptors.
export const returnResolver =
  <TForm extends FieldValues, TSchema extends z.ZodType>(schema: TSchema, reshape: (values: TForm) => unknown = (values) => values): Resolver<TForm, unknown, z.output<TSchema>> =>
  async (values, _context, options) => {
    const parsed = schema.safeParse(reshape(values), { error: (issue) => returnIssueMessage(issue as Issue) });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.map(String).join('.');
      if (!name || flat[name]) continue;
      flat[name] = { type: issue.code, message: issue.code === 'custom' ? returnIssueMessage(issue as Issue) : issue.message };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
