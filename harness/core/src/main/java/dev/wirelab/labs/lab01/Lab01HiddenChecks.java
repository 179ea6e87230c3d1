package dev.wirelab.labs.lab01;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.grade.HiddenCheckGroup;
import java.util.List;

/** Lab 01's hidden checks: left out of a student edition, counted by {@link ContentLengthLab#HIDDEN}. */
public final class Lab01HiddenChecks implements HiddenCheckGroup {
  @Override
  public List<Check> checks() {
    return List.of(encodedEscapes());
  }

  static Check encodedEscapes() {
    CheckInfo info = CheckInfo.builder("CL-16", "Percent-encoded and absolute escapes are refused too")
        .points(4).contract().hidden().section("RFC 9110 §17.3").dependsOn("CL-10")
        .explanation("Checking for \"..\" before percent-decoding misses %2e%2e and %2f; resolving an"
            + " absolute name against the root yields the absolute name itself. Decode first, then check"
            + " the normalized result.")
        .build();
    return Check.of(info, context -> {
      String secret = Lab01Fixtures.secretFile(context.docroot()).toString();
      for (String target : List.of("/files/%2e%2e/" + Lab01Fixtures.SECRET_FILE,
          "/files/..%2f" + Lab01Fixtures.SECRET_FILE, "/files/" + secret)) {
        FileChecks.refuses(context, target);
      }
    });
  }
}
