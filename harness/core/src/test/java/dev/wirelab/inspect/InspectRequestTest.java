package dev.wirelab.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InspectRequestTest {

  @Test
  void plainGetAsksTheServerToClose() {
    assertThat(wire(InspectRequest.get("http://127.0.0.1:8080/a/b?x=1&y=%20")))
        .isEqualTo("GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n");
  }

  @Test
  void emptyPathBecomesSlashAndDefaultPortIsLeftOutOfHost() {
    assertThat(wire(InspectRequest.get("http://example.test")))
        .isEqualTo("GET / HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n");
  }

  @Test
  void callersHostAndConnectionFieldsReplaceTheDefaults() {
    InspectRequest request = new InspectRequest(URI.create("http://127.0.0.1:9/"), "HEAD", true,
        List.of("host: other", "Connection: keep-alive", "X-Probe: 1"));

    assertThat(wire(request))
        .isEqualTo("HEAD / HTTP/1.0\r\nhost: other\r\nConnection: keep-alive\r\nX-Probe: 1\r\n\r\n");
  }

  @Test
  void addressUsesPort80WhenTheUrlHasNone() throws Exception {
    InetSocketAddress address = InspectRequest.get("http://127.0.0.1/").address();

    assertThat(address.getPort()).isEqualTo(80);
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void nonHttpUrlIsRejected() {
    assertThatThrownBy(() -> InspectRequest.get("https://127.0.0.1/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an http:// URL but was https://127.0.0.1/");
  }

  @Test
  void fieldWithoutNameAndColonIsRejected() {
    assertThatThrownBy(() -> new InspectRequest(URI.create("http://127.0.0.1/"), "GET", false, List.of("Broken")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected \"Name: value\" but was Broken");
  }

  private static String wire(InspectRequest request) {
    return new String(request.bytes(), StandardCharsets.ISO_8859_1);
  }
}
