package dev.wirelab.labs.lab03;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.grade.HiddenCheckGroup;
import java.util.List;
import java.util.Set;

/** Lab 03's hidden checks: left out of a student edition, counted by {@link KeepAliveLab#HIDDEN}. */
public final class Lab03HiddenChecks implements HiddenCheckGroup {
  @Override
  public List<Check> checks() {
    return List.of(headTooLarge());
  }

  static Check headTooLarge() {
    CheckInfo info = CheckInfo.builder("KA-20", "A request head over 8 KiB: 431 (or 400) and the close")
        .points(2).contract().hidden().section("RFC 9110 §5.4").dependsOn("KA-01")
        .explanation("A server must bound what it buffers for a request head, or one client exhausts its"
            + " memory. The contract's limit is 8 KiB; a longer head gets 431 Request Header Fields Too Large"
            + " (RFC 6585 §5) or 400, with Connection: close, and the close.")
        .build();
    return Check.of(info, context -> {
      byte[] request = Lab03Requests.get(context, "/hello", "X-Padding: " + "a".repeat(9 * 1024));
      BadRequestChecks.rejected(context, "GET /hello with a 9 KiB header field", request, Set.of(431, 400),
          "RFC 9110 §5.4");
    });
  }
}
