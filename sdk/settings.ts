/** Client-side settings: where the API is. Same variable the server documents. */
export function apiUrl(): string {
  return (process.env.SYNTASK_API_URL ?? 'http://127.0.0.1:4200/api').replace(/\/+$/, '');
}
