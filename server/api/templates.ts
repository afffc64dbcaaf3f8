import type { AppContext } from '../context.ts';
import { jinjaSyntaxError } from '../lib/jinja.ts';
import type { App } from './common.ts';
import { Type } from './models/common.ts';

/**
 * `POST /api/templates/validate` (contract §3.16): the body is the template as a bare JSON
 * string → 204, or 422 `{"error": {line, message, source}}`. That 422 is not declared as a
 * response schema: it would also reshape the request-validation 422.
 */
export function templateRoutes(app: App, _ctx: AppContext) {
  app.post('/api/templates/validate', { schema: { tags: ['Templates'], operationId: 'validateTemplate', body: Type.String() } }, async (req, reply) => {
    const problem = jinjaSyntaxError(req.body);
    if (!problem) return reply.code(204).send();
    return reply.code(422).send({ error: { line: problem.line, message: problem.message, source: req.body } });
  });
}
