/** Replaces secrets in text bound for messages, logs or error bodies. */
export type SecretRedactor = (text: string) => string;

const replacement = '[REDACTED]';

/** Shapes of credentials that must never leave the process, whoever they belong to. */
const credentialPatterns: ReadonlyArray<{ readonly pattern: RegExp; readonly replace: string }> = [
  // Authorization header values.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, replace: `$1 ${replacement}` },
  // OpenAI-style keys (sk-..., sk-proj-..., sk-ant-...), also when partly masked (sk-proj-****abcd).
  { pattern: /\bsk-[A-Za-z0-9_*-]{6,}/g, replace: replacement },
  // Google API keys.
  { pattern: /\bAIza[A-Za-z0-9_-]{20,}/g, replace: replacement },
  // Credentials in query strings: ?key=..., &api_key=..., &access_token=..., &sig=...
  { pattern: /([?&](?:key|api[-_]?key|access[-_]?token|token|sig|signature)=)[^&#\s"'<>]+/gi, replace: `$1${replacement}` },
  // Fields that carry a credential: "api_key": "...", api-key: ..., authorization=...
  {
    pattern: /((?:"|\b)(?:api[-_]?key|x-api-key|x-goog-api-key|authorization|client[-_]?secret|password)"?\s*[:=]\s*"?)(?!\[REDACTED\])[^"\s,;}]+/gi,
    replace: `$1${replacement}`,
  },
  // Userinfo in URLs: scheme://user:password@host
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@"']+@/gi, replace: `$1${replacement}@` },
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds a redactor for the given known secrets (the API keys a client was configured with)
 * plus the generic credential shapes above. Known secrets shorter than 8 characters are
 * ignored: replacing them would mangle ordinary text and they are not real keys.
 */
export function createSecretRedactor(secrets: readonly string[] = []): SecretRedactor {
  const known = [...new Set(secrets.filter((secret) => secret.length >= 8))].sort((left, right) => right.length - left.length);
  const knownPattern = known.length === 0 ? undefined : new RegExp(known.map(escapeRegExp).join('|'), 'g');
  return (text: string): string => {
    let redacted = knownPattern === undefined ? text : text.replace(knownPattern, replacement);
    for (const { pattern, replace } of credentialPatterns) redacted = redacted.replace(pattern, replace);
    return redacted;
  };
}
