// pino configured so that no log line can carry personal data: no IP, no user agent, no header, no body,
// no query string (consent ids travel in URLs), only the method, the route pattern and the outcome.
import { pino, type DestinationStream, type Logger } from 'pino';

/** The collector's logger; `destination` lets the tests read every line written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    serializers: {
      // Anything that logs a request gets only these two fields, whatever it passes in.
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? '(unmatched)',
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // Name, code, message and stack only: a database error's other fields (PostgreSQL's `detail`)
      // can quote the values of a row.
      err: (err: { name?: string; code?: string; message?: string; stack?: string }) => ({
        type: err.name,
        code: err.code,
        message: err.message,
        stack: err.stack,
      }),
    },
    redact: {
      paths: [
        'headers',
        'body',
        'ip',
        'ips',
        'remoteAddress',
        'hostname',
        'req.headers',
        'req.ip',
        'req.url',
      ],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
