/** Errors a handler raises; the app's error handler turns them into the contract's bodies. */

/** `{"detail": ...}` with a status, e.g. 404 "Flow run not found". */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail));
  }
}

export const notFound = (detail: string) => new HttpError(404, detail);

/** 404 `{"exception_message": ...}`: an object missing inside orchestration, graphs, queue status. */
export class ObjectNotFound extends Error {}

/** 422 in the request-validation shape, for checks a JSON schema cannot express. */
export class RequestValidationError extends Error {
  constructor(
    readonly loc: (string | number)[],
    readonly msg: string,
    readonly type = 'value_error',
  ) {
    super(msg);
  }
}
