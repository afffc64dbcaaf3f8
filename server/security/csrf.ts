import type { FastifyRequest } from 'fastify';

/**
 * The stored key of a CSRF client: bound to the session when there is one, so one user can
 * neither use nor overwrite another user's token by naming their client id.
 */
export function csrfClientKey(req: FastifyRequest, client: string): string {
  const session = req.principal?.sessionHash;
  return session ? `${client}@${session.slice(0, 32)}` : client;
}
