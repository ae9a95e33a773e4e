const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes an answer its system labels UTF-8. `fetch`'s `text()` turns bytes that are not
 * UTF-8 into U+FFFD and carries on, which reads an answer in another charset (GBK from a
 * transcoding gateway) as names and addresses of replacement characters; this refuses it
 * instead, saying what comes before the first such byte.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; near: string } {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const text = lenient.decode(bytes);
    const at = text.indexOf('\uFFFD');
    return { ok: false, near: text.slice(Math.max(0, at - 24), at) };
  }
}
