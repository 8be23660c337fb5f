/**
 * Errors that services and middleware throw. Each carries the HTTP status it maps to, so the
 * error middleware turns any of them into one problem+json response without knowing its origin.
 */

/** One invalid input field, named by its key in the request (`Email`, `limit`, `body`). */
export interface FieldError {
  field: string;
  message: string;
}

export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, headers: Record<string, string> = {}) {
    super(detail);
    this.name = new.target.name;
    this.status = status;
    this.headers = headers;
  }
}

export class ValidationError extends HttpError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[], detail = 'The request contains invalid fields.') {
    super(400, detail);
    this.errors = errors;
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], message);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail: string) {
    super(404, detail);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, allowed: string) {
    super(405, `Method ${method} is not allowed here. Allowed: ${allowed}.`, { Allow: allowed });
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string) {
    super(409, detail);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(detail = 'The request body must be JSON, sent with Content-Type: application/json.') {
    super(415, detail);
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(detail = 'The database is unavailable. Try again shortly.') {
    super(503, detail, { 'Retry-After': '5' });
  }
}
