package dev.wirelab.lab04.solution;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-25T22:00:00.123Z");
  private MessageStore store;

  @BeforeEach
  void openFreshDatabase() throws SQLException {
    store = MessageStore.open("jdbc:h2:mem:store-" + UUID.randomUUID(), "sa", "");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anEmptyStoreHasLatestIdZeroAndNothingAfterIt() throws SQLException {
    assertThat(store.latestId()).isZero();
    assertThat(store.after(0, 10)).isEmpty();
  }

  @Test
  void appendReturnsIncreasingIds() throws SQLException {
    long first = store.append("one", NOW);
    long second = store.append("two", NOW);

    assertThat(second).isGreaterThan(first);
    assertThat(store.latestId()).isEqualTo(second);
  }

  @Test
  void afterReturnsOnlyLaterMessagesInAscendingIdOrder() throws SQLException {
    long one = store.append("one", NOW);
    long two = store.append("two", NOW);
    long three = store.append("three", NOW);

    assertThat(store.after(one, 10)).extracting(Message::id).containsExactly(two, three);
    assertThat(store.after(0, 10)).extracting(Message::content).containsExactly("one", "two", "three");
    assertThat(store.after(three, 10)).isEmpty();
  }

  @Test
  void afterReturnsAtMostTheLimitFromTheOldestOn() throws SQLException {
    for (int number = 1; number <= 5; number++) store.append("message " + number, NOW);

    assertThat(store.after(0, 2)).extracting(Message::content).containsExactly("message 1", "message 2");
  }

  @Test
  void unicodeRoundTripsUnchanged() throws SQLException {
    List<String> contents = List.of("héllo wörld", "你好，世界", "こんにちは", "😀🎉 family: 👨‍👩‍👧", "two\nlines\r\nthree",
        "<script>&'\"");
    for (String content : contents) store.append(content, NOW);

    assertThat(store.after(0, 10)).extracting(Message::content).containsExactlyElementsOf(contents);
  }

  @Test
  void twoHundredCodePointsOfFourByteCharactersFit() throws SQLException {
    String emoji = "😀".repeat(200); // 400 UTF-16 chars, 800 UTF-8 bytes
    long id = store.append(emoji, NOW);

    assertThat(store.find(id)).get().extracting(Message::content).isEqualTo(emoji);
  }

  @Test
  void createdAtKeepsMillisecondsInUtc() throws SQLException {
    long id = store.append("timed", Instant.parse("2026-11-25T22:00:00.123456Z"));

    assertThat(store.find(id)).get().extracting(Message::createdAt).isEqualTo(NOW);
  }

  @Test
  void findOfAnUnknownIdIsEmpty() throws SQLException {
    store.append("one", NOW);

    assertThat(store.find(999)).isEmpty();
  }

  @Test
  void reopeningKeepsTheTableAndItsRows() throws SQLException {
    String url = "jdbc:h2:mem:reopen-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (MessageStore first = MessageStore.open(url, "sa", "")) {
      first.append("kept", NOW);
    }
    try (MessageStore second = MessageStore.open(url, "sa", "")) {
      assertThat(second.after(0, 10)).extracting(Message::content).containsExactly("kept");
    }
  }

  @Test
  void mariaDbTablesStoreAnyUnicodeAndDatesPast2038() {
    assertThat(MessageStore.createTableSql("MariaDB")).endsWith(" DEFAULT CHARSET=utf8mb4").contains("DATETIME(3)");
    assertThat(MessageStore.createTableSql("H2")).doesNotContain("CHARSET").contains("TIMESTAMP(3)");
  }
}
