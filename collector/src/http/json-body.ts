// The JSON body parser of the ingest routes: strict UTF-8, and no string a database would refuse or
// mangle. PostgreSQL rejects NUL in text; a lone surrogate ("\ud800" in JSON) cannot be encoded as UTF-8 at
// all. Both are refused here with 400, so they never reach a batch (where one bad row used to fail others).
import type { FastifyInstance, FastifyRequest } from 'fastify';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** An error fastify answers with its statusCode, through the collector's error handler. */
class BodyError extends Error {
  readonly statusCode = 400;
  readonly error = 'invalid';
}

/** The first string (key or value) holding a NUL or a lone surrogate, as a JSON path; null when clean. */
export function badString(value: unknown, path = 'body'): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = badString(item, `${path}/${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key in object) {
      if (!isCleanText(key)) return `${path} (a property name)`;
      const found = badString(object[key], `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one (code units,
// no u flag): one pass per string.
const UNCLEAN = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** No NUL and well-formed UTF-16 (no lone surrogate). */
export function isCleanText(text: string): boolean {
  return !UNCLEAN.test(text);
}

/** Replaces the JSON parsers (application/json, and text/plain as sendBeacon sends it) by the strict one. */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const parser = (
    request: FastifyRequest,
    body: Buffer,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new BodyError('The body is not valid UTF-8.'));
      return;
    }
    parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      // Only a `\u` escape can put a NUL or a lone surrogate in a parsed string: a raw NUL is not valid
      // JSON, and strict UTF-8 cannot encode a surrogate. Without one (nearly every body) there is
      // nothing to look for.
      if (!text.includes('\\u')) return done(null, value);
      const bad = badString(value);
      if (bad) return done(new BodyError(`${bad} holds a NUL character or invalid Unicode`));
      done(null, value);
    });
  };
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer' }, parser);
}
