package dev.wirelab.cli;

import dev.wirelab.client.Conversation;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.ParseMode;
import dev.wirelab.inspect.InspectRequest;
import dev.wirelab.inspect.Inspector;
import dev.wirelab.report.InspectionJson;
import dev.wirelab.report.InspectionWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Sends one request over a raw socket and shows the response byte by byte:",
        "status line, headers with \\r\\n visible, the framing, each chunk with its",
        "size, offset and arrival time, and every violation with its RFC section.",
        "Exit status: 0 for a valid response, 1 otherwise."},
    footer = {"", "Examples:",
        "  wirelab inspect http://127.0.0.1:8080/hello",
        "  wirelab inspect --method HEAD http://127.0.0.1:8080/files/all-bytes.bin",
        "  wirelab inspect -H 'TE: trailers' 'http://127.0.0.1:8080/download?size=100'",
        "  wirelab inspect http://127.0.0.1:8080/hello --request 'HEAD /hello' --request 'GET /hello'"})
final class InspectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "An http:// URL.")
  String url;

  @Option(names = "--method", paramLabel = "M", description = "Request method (default: ${DEFAULT-VALUE}).")
  String method = "GET";

  @Option(names = "--http1.0", description = "Send an HTTP/1.0 request line.")
  boolean http10;

  @Option(names = {"-H", "--header"}, paramLabel = "\"Name: value\"", description = "An extra request field.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--request", paramLabel = "\"METHOD /target\"",
      description = "Another request on the same connection, after the URL's (repeatable): shows where"
          + " each response ends, as a keep-alive client sees it.")
  List<String> moreRequests = new ArrayList<>();

  @Option(names = "--pipeline", description = "With --request: send every request at once, before reading.")
  boolean pipeline;

  @Option(names = "--json", description = "Print JSON instead of the annotated text.")
  boolean json;

  @Option(names = "--lenient", description = "Keep parsing after a violation (bare LF, malformed line).")
  boolean lenient;

  @Option(names = "--timeout", paramLabel = "MS", description = "Give up after MS milliseconds (default: ${DEFAULT-VALUE}).")
  long timeoutMillis = 10_000;

  @Option(names = "--no-color", description = "Plain text even on a terminal.")
  boolean noColor;

  @Override
  public Integer call() throws Exception {
    InspectRequest request;
    try {
      request = new InspectRequest(URI.create(url), method, http10, headers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (timeoutMillis <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive but was " + timeoutMillis);
    }
    Inspector inspector = new Inspector(lenient ? ParseMode.LENIENT : ParseMode.STRICT,
        Duration.ofMillis(timeoutMillis), dev.wirelab.wire.RawConnection.DEFAULT_BYTE_CAP);
    if (!moreRequests.isEmpty()) return inspectConversation(inspector, request);
    Exchange exchange;
    try {
      exchange = inspector.inspect(request);
    } catch (java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "unknown host " + request.url().getHost());
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (json) {
      out.println(InspectionJson.render(exchange));
    } else {
      boolean color = !noColor && dev.wirelab.report.ReportFormats.terminalSupportsColor();
      new InspectionWriter(color).write(exchange, out);
    }
    out.flush();
    return exchange.response().isValid() && exchange.bytesAfterResponse() == 0 ? 0 : 1;
  }

  private int inspectConversation(Inspector inspector, InspectRequest first) throws java.io.IOException {
    List<InspectRequest> requests = new ArrayList<>(List.of(first));
    try {
      for (String line : moreRequests) requests.add(first.withRequestLine(line));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Conversation conversation;
    try {
      conversation = inspector.inspectAll(requests, pipeline);
    } catch (java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "unknown host " + first.url().getHost());
    } catch (java.net.ConnectException e) {
      System.out.println("could not connect: " + e.getMessage());
      return 1;
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (json) {
      out.println(InspectionJson.render(conversation));
    } else {
      boolean color = !noColor && dev.wirelab.report.ReportFormats.terminalSupportsColor();
      new InspectionWriter(color).write(conversation, out);
    }
    out.flush();
    return conversation.allValid() && conversation.turns().size() == requests.size() ? 0 : 1;
  }
}
