package dev.wirelab.bench.browser;

/**
 * What one load showed.
 *
 * @param shownAfterNanos from the server's write of the message chunk to the return of the first poll
 *     that found the message; -1 when it was not shown within the cap ("held")
 * @param stateBeforeMessage the page's state at the last poll that returned before the message was
 *     written: {@code old} (navigation not committed: the response is held before the document exists),
 *     {@code committed} (our document exists, without the message), or {@code none} (no poll finished
 *     before the write)
 * @param characterSet {@code document.characterSet} when the message showed, {@code -} when held
 * @param polls how many polls ran
 * @param pollRoundTripNanos the median time one poll (executeScript) took
 */
record TrialResult(ContentTypeCase contentType, int preludeBytes, int repetition, long shownAfterNanos,
    String stateBeforeMessage, String characterSet, int polls, long pollRoundTripNanos) {

  boolean shown() {
    return shownAfterNanos >= 0;
  }

  String describe() {
    String shown = shown() ? String.format("shown after %.1f ms", shownAfterNanos / 1e6) : "held";
    return String.format("%-50s P=%4d #%d  %-22s before message: %-9s %-12s polls %3d, poll round trip %.1f ms",
        contentType.label(), preludeBytes, repetition, shown, stateBeforeMessage, characterSet, polls,
        pollRoundTripNanos / 1e6);
  }
}
