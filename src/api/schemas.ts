import { api, unwrap } from './client.ts';

/**
 * `POST /ui/schemas/validate`: the server's check of form values (with hydration of
 * workspace variables). Answers `{valid, errors}` with errors nested by property and
 * index; a schema the server refuses (invalid, circular) is a 422 ApiError.
 */
export function validateOnServer(schema: Record<string, unknown>, values: Record<string, unknown>, signal?: AbortSignal) {
  return unwrap(api.POST('/api/ui/schemas/validate', { body: { schema, values }, signal }));
}
