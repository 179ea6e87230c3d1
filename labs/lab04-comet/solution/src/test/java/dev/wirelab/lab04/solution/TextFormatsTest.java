package dev.wirelab.lab04.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.api.LabConfig;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFormatsTest {
  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertThat(Html.escape("<script>a & 'b' \"c\"</script>"))
        .isEqualTo("&lt;script&gt;a &amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharactersAndKeepsUnicode() {
    assertThat(Json.string("a\"b\\c\nd\te\u0001 世界 😀")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001 世界 😀\"");
  }

  @Test
  void jsonMessageHasIdContentAndCreatedAtWithMilliseconds() {
    Message message = new Message(7, "hi", Instant.parse("2026-11-25T22:00:00Z"));

    assertThat(Json.message(message))
        .isEqualTo("{\"id\":7,\"content\":\"hi\",\"createdAt\":\"2026-11-25T22:00:00.000Z\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ff", "c3", "80", "c0af", "eda080", "f4908080", "e282"})
  void strictUtf8RefusesWhatIsNotUtf8(String hex) {
    assertThat(Utf8.decode(HexFormat.of().parseHex(hex))).isEmpty();
  }

  @Test
  void strictUtf8DecodesFourByteSequences() {
    assertThat(Utf8.decode(HexFormat.of().parseHex("f09f9880e4b896"))).contains("😀世");
  }

  @Test
  void settingsHaveTheDocumentedDefaults() {
    Settings settings = Settings.from(LabConfig.of(Map.of()));

    assertThat(settings).isEqualTo(new Settings("jdbc:h2:file:./data/lab04-messages", "sa", "", 1024, 15_000, 2_000));
    assertThat(Settings.from(LabConfig.of(Map.of("JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/wirelab"))).jdbcUser())
        .isEmpty();
  }

  @Test
  void aPreludeLargerThanOneChunkIsRefused() {
    assertThatThrownBy(() -> Settings.from(LabConfig.of(Map.of("PRELUDE_BYTES", "5000"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected WIRELAB_PRELUDE_BYTES from 15 to 4096 but was 5000");
  }
}
