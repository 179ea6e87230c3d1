package dev.wirelab.lab04.solution.variants;

import com.sun.net.httpserver.HttpExchange;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;

/**
 * Correct, written differently: every JSON answer has a space after each colon and comma, and ends with
 * a newline: {@code {"id": 7, "content": "hi", ...}}. The checks must parse JSON, not compare text.
 */
public class PrettyJson extends ReferenceServer {
  @Override
  protected void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    super.sendJson(exchange, status, spaced(json));
  }

  static String spaced(String json) {
    StringBuilder spaced = new StringBuilder(json.length() * 5 / 4 + 1);
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      spaced.append(c);
      if (inString) {
        if (c == '\\') spaced.append(json.charAt(++i)); // an escaped character, maybe a quote
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == ':' || c == ',') {
        spaced.append(' ');
      }
    }
    return spaced.append('\n').toString();
  }
}
