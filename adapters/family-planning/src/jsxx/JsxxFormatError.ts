/** A message or data file that is not in the service's documented format. */
export class JsxxFormatError extends Error {
  override readonly name = 'JsxxFormatError';
}
