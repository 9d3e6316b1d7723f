// The few playwright-core types `screenshot.ts` uses (playwright-core lives in the offline host's runner,
// not in this project's dependencies).
declare module 'playwright-core-shim' {
  interface Page {
    exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
    goto(url: string): Promise<unknown>;
    screenshot(options: { path: string }): Promise<unknown>;
  }
  interface Browser {
    newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor?: number }): Promise<{ newPage(): Promise<Page> }>;
    close(): Promise<void>;
  }
  export const chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
  };
}
