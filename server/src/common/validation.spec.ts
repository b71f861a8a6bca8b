import { z } from 'zod';
import { parseOrThrow } from './validation';

describe('parseOrThrow', () => {
  const schema = z.strictObject({ name: z.string().min(2), age: z.number().int() });

  it('names unknown keys and invalid fields', () => {
    try {
      parseOrThrow(schema, { name: 'x', age: 1.5, ownerId: 'me' }, 'body');
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      const paths = (error as { details: { fields: { path: string; code: string }[] } }).details.fields;
      expect(paths).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'ownerId', code: 'unrecognized_key' }),
          expect.objectContaining({ path: 'name', code: 'too_small' }),
          expect.objectContaining({ path: 'age' }),
        ]),
      );
    }
  });

  it('prefixes query and params paths', () => {
    expect(() => parseOrThrow(z.strictObject({}), { q: 1 }, 'query')).toThrow(expect.objectContaining({ details: { fields: [expect.objectContaining({ path: 'query.q' })] } }));
  });
});
