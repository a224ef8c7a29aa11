// Types for chromium.mjs (plain JavaScript so the Web Test Runner config can load it too).
export function chromiumLaunchOptions(): { executablePath: string; args: string[] };
