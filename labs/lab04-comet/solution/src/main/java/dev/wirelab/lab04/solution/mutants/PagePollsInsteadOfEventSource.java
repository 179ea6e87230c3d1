package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** Classic bug: the chat page asks for new messages every second with fetch, the seed's loop moved into the browser. */
public class PagePollsInsteadOfEventSource extends ReferenceServer {
  private static final String POLLING_PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head><meta charset="utf-8"><title>wirelab chat</title></head>
      <body>
      <h1>wirelab chat</h1>
      <ul id="messages"></ul>
      <form id="send"><input id="text" autocomplete="off"><button type="submit">Send</button></form>
      <script>
      'use strict';
      const list = document.getElementById('messages');
      const text = document.getElementById('text');
      let lastId = 0;
      setInterval(async () => {
        const response = await fetch('/messages?after=' + lastId);
        for (const message of await response.json()) {
          lastId = message.id;
          const item = document.createElement('li');
          item.dataset.id = String(message.id);
          item.textContent = message.content;
          list.appendChild(item);
        }
      }, 1000);
      document.getElementById('send').addEventListener('submit', async event => {
        event.preventDefault();
        if (text.value === '') return;
        const response = await fetch('/messages', { method: 'POST', body: text.value });
        if (response.ok) text.value = '';
      });
      </script>
      </body>
      </html>
      """;

  @Override
  protected String indexPage() {
    return POLLING_PAGE;
  }
}
