// The cast the offline and sign-out journeys share: a real server and Chromium, a supervisor's
// API, a kiosk enrolled over the API (to ask for help without a browser), two rovers and the
// topic they both know.
import type { Browser } from 'playwright-core';
import { RoveApi, type StaffInfo } from './api.js';
import { launchBrowser } from './browser.js';
import { startRove, type RoveProcess } from './server.js';

/** Back online, the outbox flushes at once or after its first backoff step. */
export const CATCH_UP = 30_000;

export interface Scene {
  server: RoveProcess;
  browser: Browser;
  api: RoveApi;
  /** The device token of a kiosk enrolled over the API alone. */
  kioskToken: string;
  /** Skills tech and general. */
  sam: StaffInfo;
  /** Skill tech only. */
  lee: StaffInfo;
  /** The topic that needs the tech skill. */
  topic: { id: string; label: string };
  /** Closes the browser, then stops the server. */
  close(): Promise<void>;
}

/** Starts the server and the browser and sets up the cast; closes both if that fails. */
export async function startScene(): Promise<Scene> {
  const [server, browser] = await Promise.all([startRove(), launchBrowser()]);
  const close = async () => {
    await browser.close();
    await server.dispose();
  };
  try {
    const api = await RoveApi.connect(server.url);
    const kioskToken = await api.enrollApiDevice('kiosk', 'E2E API kiosk');
    const sam = await api.createStaff('Sam', '1234', ['tech', 'general']);
    const lee = await api.createStaff('Lee', '2345', ['tech']);
    const topic = await api.topicFor('tech');
    return { server, browser, api, kioskToken, sam, lee, topic, close };
  } catch (error) {
    await close();
    throw error;
  }
}
