/** Returns a current OAuth 2 access token for Vertex AI (cached and refreshed by its source). */
export type VertexTokenProvider = (signal: AbortSignal) => Promise<string>;

/** A service-account key as Google issues it (the JSON file's content). */
export interface ServiceAccountCredentials {
  readonly type?: string;
  readonly client_email: string;
  readonly private_key: string;
  readonly project_id?: string;
  readonly [key: string]: unknown;
}

const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * Tokens from google-auth-library: the given service-account key (parsed, or a key file), or application default
 * credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud's user credentials, the metadata server)
 * when none is given. The library caches tokens and refreshes them before they expire. It is
 * loaded on first use, so gateways without Vertex never load it.
 */
export function createGoogleAuthTokenProvider(source: { credentials?: ServiceAccountCredentials; keyFile?: string }): VertexTokenProvider {
  let auth: Promise<{ getAccessToken(): Promise<string | null | undefined> }> | undefined;
  return async () => {
    auth ??= import('google-auth-library').then(
      ({ GoogleAuth }) =>
        new GoogleAuth({
          scopes: [cloudPlatformScope],
          ...(source.credentials === undefined ? {} : { credentials: { ...source.credentials } }),
          ...(source.keyFile === undefined ? {} : { keyFilename: source.keyFile }),
        }),
    );
    const token = await (await auth).getAccessToken();
    if (typeof token !== 'string' || token === '') throw new Error('google-auth-library returned no access token.');
    return token;
  };
}
