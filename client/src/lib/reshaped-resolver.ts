import type { FieldValues, Resolver, ResolverOptions, ResolverResult } from 'react-hook-form';

// Validates the values as they will be sent (reshaped from what the form holds) with the
// contract's resolver, so the form and the server apply one rule; errors keep the field names and
// land on the form's fields. The reshaped values are whatever the user typed (a missing value, a
// select left empty, an unknown option that stays a string): the schema decides and reports them,
// so they are not typed as the schema's input here.
export const reshapedResolver =
  <TForm extends FieldValues, TInput extends FieldValues, TOutput>(
    resolver: Resolver<TInput, unknown, TOutput>,
    reshape: (values: TForm) => Record<string, unknown>,
  ): Resolver<TForm, unknown, TOutput> =>
  async (values, context, options) => {
    const result = await resolver(reshape(values) as TInput, context, options as unknown as ResolverOptions<TInput>);
    return result as unknown as ResolverResult<TForm, TOutput>;
  };
