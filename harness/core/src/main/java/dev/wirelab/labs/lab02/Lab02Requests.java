package dev.wirelab.labs.lab02;

import dev.wirelab.check.CheckContext;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;

/** The requests Lab 02's checks send, and the bodies the contract promises for them. */
final class Lab02Requests {
  private Lab02Requests() {}

  static String stream(int count, int intervalMillis) {
    return "/stream?count=" + count + "&interval=" + intervalMillis;
  }

  static String download(int size) {
    return "/download?size=" + size;
  }

  static Exchange get(CheckContext context, String target) {
    return context.send("GET " + target, Requests.get(target, context.address()));
  }

  static Exchange getWithTrailers(CheckContext context, String target) {
    // RFC 9110 §10.1.4: a sender of TE also lists it in Connection, since TE is hop-by-hop.
    return context.send("GET " + target + " with TE: trailers",
        Requests.request("GET", target, context.address(), "TE: trailers", "Connection: TE, close"));
  }

  /** {@code message 1\n} … {@code message count\n}, the body of {@code /stream}. */
  static String streamLines(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) lines.append("message ").append(i).append('\n');
    return lines.toString();
  }

  /** Byte k is k mod 256: the body of {@code /download?size=size}. */
  static byte[] downloadBody(int size) {
    byte[] body = new byte[size];
    for (int k = 0; k < size; k++) body[k] = (byte) k;
    return body;
  }
}
