package dev.wirelab.labs.lab01;

import dev.wirelab.check.Check;
import dev.wirelab.grade.Lab;
import java.util.List;

public final class ContentLengthLab implements Lab {
  @Override
  public String name() {
    return "lab01-content-length";
  }

  @Override
  public String title() {
    return "Content-Length";
  }

  @Override
  public String summary() {
    return "";
  }

  @Override
  public List<Check> checks() {
    return List.of();
  }
}
