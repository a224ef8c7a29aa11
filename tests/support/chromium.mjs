// How every browser test, e2e test and bench starts Chromium: Debian's own build (CHROME_PATH
// may name another), never one Playwright would download; no sandbox (tests run as root) and
// no background network traffic. Plain JavaScript, so web-test-runner.config.mjs can load it.

/** Playwright launch options: the executable and its flags. A new object each call. */
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  };
}
