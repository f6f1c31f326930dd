// The capture content script. Registered for on-demand injection only (no static matches: it never runs on a
// page unless the reviewer triggers a review there); the panel injects it with scripting.executeScript.
import { listen, PageAgent } from './agent';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const agent = new PageAgent(document);
    const unlisten = listen(agent);
    // A newer injection (or an extension reload) invalidates this one: leave no marks or listeners behind.
    ctx.onInvalidated(() => {
      unlisten();
      agent.dispose();
    });
  },
});
