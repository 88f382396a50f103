// A busy machine in a test: the engine's answers to one method of the page's WebSocket calls
// held back, for as long as `delay()` says at each call (0: passed at once), to show a race
// the UI must survive (a status, a report that comes seconds late).
import type { Page } from 'playwright-core';

export async function holdAnswers(page: Page, method: string, delay: () => number): Promise<void> {
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const called = typeof message === 'string' ? (JSON.parse(message) as { method?: string }).method : undefined;
      const ms = called === method ? delay() : 0;
      if (ms > 0) setTimeout(() => server.send(message), ms);
      else server.send(message);
    });
  });
}
