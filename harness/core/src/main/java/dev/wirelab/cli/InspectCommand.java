package dev.wirelab.cli;

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
        "  wirelab inspect -H 'TE: trailers' 'http://127.0.0.1:8080/download?size=100'"})
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
}
