// Every environment variable the server reads, parsed once, with its defaults (README, "Settings").
import { ADMIN_PASSWORD_MAX, ADMIN_PASSWORD_MIN } from '../shared/passwords.js';
import { LINE_TEXT } from '../shared/schemas.js';
import { PUBLIC_STREAMS_PER_CLIENT, STREAMS_PER_DEVICE } from './auth/limits.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** Where PGlite keeps its files; `memory://` for a store that lives only in this process. */
  dataDir: string;
  /** A `postgres://` URL: use PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** On a store with no admin yet, create user `admin` with this password. */
  adminPassword?: string;
  /** Hours after closing that a request's patron text (name, note) is erased. */
  retentionHours: number;
  /** The built client (Vite's output), served at `/`. */
  clientDir: string;
  /** Interval of the `: ping` comment on event streams. */
  heartbeatMs: number;
  /** How often this process checks for long waits and silent staff (0: never, for tests). */
  floorCheckMs: number;
  /** Public scripts streams one client (IP address) may hold open at once, per process. */
  publicStreamsPerClient: number;
  /** Kiosk streams one device, staff streams one session may hold open at once, per process. */
  streamsPerDevice: number;
  logLevel: string;
  /** The address people open (behind a proxy), for the printed links. */
  publicUrl?: string;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string): string {
  const level = value.toLowerCase();
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  }
  return level;
}

/**
 * `ROVE_ADMIN_PASSWORD` as a sign-in would take it: ADMIN_PASSWORD_MIN..ADMIN_PASSWORD_MAX
 * characters, no control characters. Throws a one-line reason otherwise, so the server refuses
 * to start rather than make an admin with a password that is easy to guess or cannot be typed.
 */
export function checkAdminPassword(password: string | undefined): string | undefined {
  if (password === undefined) return undefined;
  const length = [...password].length;
  if (length < ADMIN_PASSWORD_MIN) {
    throw new Error(
      `ROVE_ADMIN_PASSWORD must be at least ${ADMIN_PASSWORD_MIN} characters long (it has ${length}); choose a longer one, or leave it unset to use the one-time setup link`,
    );
  }
  if (length > ADMIN_PASSWORD_MAX) {
    throw new Error(
      `ROVE_ADMIN_PASSWORD must be at most ${ADMIN_PASSWORD_MAX} characters long (it has ${length})`,
    );
  }
  if (!new RegExp(LINE_TEXT, 'u').test(password)) {
    throw new Error('ROVE_ADMIN_PASSWORD must not contain control characters (tabs, line breaks)');
  }
  return password;
}

export function configFromEnv(env: Env = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST') ?? '0.0.0.0',
    dataDir: text(env, 'ROVE_DATA_DIR') ?? './data',
    databaseUrl: text(env, 'DATABASE_URL'),
    adminPassword: checkAdminPassword(env.ROVE_ADMIN_PASSWORD || undefined),
    retentionHours: integer(env, 'ROVE_RETENTION_HOURS', 12, 0, 24 * 365),
    clientDir: text(env, 'ROVE_CLIENT_DIR') ?? 'dist/client',
    heartbeatMs: integer(env, 'ROVE_HEARTBEAT_MS', 15_000, 10, 20_000),
    floorCheckMs: integer(env, 'ROVE_FLOOR_CHECK_MS', 1000, 0, 60_000),
    publicStreamsPerClient: integer(
      env,
      'ROVE_PUBLIC_STREAMS_PER_CLIENT',
      PUBLIC_STREAMS_PER_CLIENT,
      1,
      10_000,
    ),
    streamsPerDevice: integer(env, 'ROVE_STREAMS_PER_DEVICE', STREAMS_PER_DEVICE, 1, 100_000),
    logLevel: logLevel(text(env, 'LOG_LEVEL') ?? 'info'),
    publicUrl: text(env, 'ROVE_PUBLIC_URL'),
  };
}
