/**
 * Real PostgreSQL and Redis suites run when their URL is set. Without it they are skipped with a
 * printed notice, unless `SWITCHYARD_REQUIRE_SERVICES=1` (CI), which turns a missing URL into a
 * failure. An URL that is set but unreachable always fails (the suite's beforeAll cannot connect).
 * `scope` names the package in the notice, e.g. `store`.
 */
export interface ServiceSetting {
  readonly name: 'PostgreSQL' | 'Redis';
  readonly variable: 'DATABASE_URL' | 'REDIS_URL';
  readonly url: string | undefined;
  readonly required: boolean;
}

export function serviceSetting(name: ServiceSetting['name'], variable: ServiceSetting['variable'], scope: string): ServiceSetting {
  const raw = process.env[variable];
  const url = raw === undefined || raw.trim() === '' ? undefined : raw;
  const required = process.env['SWITCHYARD_REQUIRE_SERVICES'] === '1';
  if (url === undefined && !required) {
    console.warn(`[${scope}] ${name} suite SKIPPED: ${variable} is not set (set it, e.g. ${exampleUrl(variable)}, to run it).`);
  }
  return { name, variable, url, required };
}

function exampleUrl(variable: ServiceSetting['variable']): string {
  return variable === 'DATABASE_URL' ? 'postgres://postgres@127.0.0.1:5432/test' : 'redis://127.0.0.1:6379';
}

/** The message of the failure when the service is mandatory but not configured. */
export function missingServiceMessage(setting: ServiceSetting): string {
  return `SWITCHYARD_REQUIRE_SERVICES=1 but ${setting.variable} is not set: the ${setting.name} suite cannot be skipped.`;
}
