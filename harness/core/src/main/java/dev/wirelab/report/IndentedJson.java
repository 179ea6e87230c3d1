package dev.wirelab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** Writes a report's tree as indented JSON with a final newline, leaving the writer open (it may be stdout). */
final class IndentedJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private IndentedJson() {}

  static void write(Object tree, Writer out) throws IOException {
    MAPPER.writeValue(new NonClosingWriter(out), tree);
    out.write('\n');
    out.flush();
  }
}
