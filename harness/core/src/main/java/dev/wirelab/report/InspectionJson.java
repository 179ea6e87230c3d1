package dev.wirelab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Escaping;
import dev.wirelab.wire.WireEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code wirelab inspect --json}: the same facts as the text view, for scripts. */
public final class InspectionJson {
  private static final int BODY_PREVIEW_BYTES = 1024;

  private InspectionJson() {}

  public static String render(Exchange exchange) throws java.io.IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(exchange));
  }

  /** {@code inspect --request ... --json}: each exchange on the connection, then how it ended. */
  public static String render(dev.wirelab.client.Conversation conversation) throws java.io.IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> exchanges = new ArrayList<>();
    for (dev.wirelab.client.Conversation.Turn turn : conversation.turns()) {
      HttpResponse response = turn.response();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("request", Escaping.escape(turn.request()));
      item.put("startOffset", turn.startOffset());
      item.put("endOffset", response.complete() ? response.endOffset() : null);
      item.put("statusLine", response.hasStatusLine() ? response.statusLine().toString() : null);
      item.put("framing", response.framing() == null ? null : response.framing().name());
      item.put("bodyLength", response.body().length);
      item.put("complete", response.complete());
      List<Object> violations = new ArrayList<>();
      for (Violation violation : response.violations()) {
        violations.add(Map.of("rule", violation.rule().id(), "section", violation.rule().section(),
            "offset", violation.offset(), "message", violation.message()));
      }
      item.put("violations", violations);
      exchanges.add(item);
    }
    root.put("exchanges", exchanges);
    root.put("outcome", conversation.outcome());
    root.put("unconsumedBytes", conversation.unconsumedBytes());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }

  static Map<String, Object> tree(Exchange exchange) {
    Map<String, Object> root = new LinkedHashMap<>();
    HttpResponse response = exchange.response();
    root.put("request", Escaping.escape(exchange.request()));
    root.put("connected", exchange.connected());
    root.put("statusLine", response.hasStatusLine() ? response.statusLine().toString() : null);
    root.put("status", response.hasStatusLine() ? response.code() : null);
    List<Object> headers = new ArrayList<>();
    for (HeaderField field : response.headers().fields()) {
      headers.add(Map.of("name", field.name(), "value", field.value(), "offset", field.offset()));
    }
    root.put("headers", headers);
    root.put("framing", response.framing() == null ? null : response.framing().name());
    root.put("contentLength", response.declaredLength() < 0 ? null : response.declaredLength());
    root.put("bodyOffset", response.bodyOffset() < 0 ? null : response.bodyOffset());
    root.put("bodyLength", response.body().length);
    byte[] body = response.body();
    root.put("bodyPreview", Escaping.escape(Arrays.copyOf(body, Math.min(body.length, BODY_PREVIEW_BYTES))));
    List<Object> chunks = new ArrayList<>();
    for (Chunk chunk : response.chunks()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("size", chunk.size());
      item.put("sizeLine", chunk.sizeLine());
      item.put("extensions", chunk.extensions());
      item.put("sizeLineOffset", chunk.sizeLineOffset());
      item.put("dataOffset", chunk.dataOffset());
      item.put("arrivalMillis", chunk.firstByteNanos() / 1e6);
      item.put("lastByteMillis", chunk.lastByteNanos() / 1e6);
      item.put("last", chunk.isLast());
      chunks.add(item);
    }
    root.put("chunks", chunks);
    List<Object> trailers = new ArrayList<>();
    for (HeaderField field : response.trailers().fields()) {
      trailers.add(Map.of("name", field.name(), "value", field.value()));
    }
    root.put("trailers", trailers);
    root.put("complete", response.complete());
    root.put("bytesAfterMessage", exchange.bytesAfterResponse());
    root.put("ending", exchange.ending().name().toLowerCase(java.util.Locale.ROOT));
    root.put("outcome", exchange.outcome());
    List<Object> reads = new ArrayList<>();
    if (exchange.transcript() != null) {
      for (WireEvent read : exchange.transcript().reads()) {
        reads.add(Map.of("offset", read.offset(), "bytes", read.byteCount(), "millis", read.millis()));
      }
    }
    root.put("reads", reads);
    List<Object> violations = new ArrayList<>();
    for (Violation violation : response.violations()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rule", violation.rule().id());
      item.put("section", violation.rule().section());
      item.put("offset", violation.offset());
      item.put("message", violation.message());
      if (exchange.transcript() != null) item.put("excerpt", exchange.excerptAt(violation.offset()).text());
      violations.add(item);
    }
    root.put("violations", violations);
    return root;
  }
}
