/**
 * How Debian's Chromium is launched here, for the browser tests and the page-weight benchmark alike:
 * `playwright install` needs the internet, so the system's chromium runs, without the sandbox, the GPU
 * or any of its own network traffic.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
