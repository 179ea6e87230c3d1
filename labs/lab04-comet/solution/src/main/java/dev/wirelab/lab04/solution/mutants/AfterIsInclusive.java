package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.Message;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.sql.SQLException;
import java.util.List;

/** Classic bug: {@code id >= after}, so a client that passes the last id it saw gets that message again. */
public class AfterIsInclusive extends ReferenceServer {
  @Override
  protected List<Message> listAfter(long after) throws SQLException {
    return super.listAfter(after - 1);
  }
}
