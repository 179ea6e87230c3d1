package dev.wirelab.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schemas shipped beside the report writers, loaded as a user of the jar would find them. */
final class JsonSchemas {
  static final String WIRELAB_REPORT = "wirelab-report.schema.json";
  static final String GRADESCOPE_RESULTS = "gradescope-results.schema.json";

  private JsonSchemas() {}

  /** Every way {@code json} breaks the schema, as the validator words it; empty when it conforms. */
  static List<String> violations(String schemaName, String json) {
    try (InputStream schemaText = JsonSchemas.class.getResourceAsStream(schemaName)) {
      if (schemaText == null) throw new AssertionError("expected " + schemaName + " on the class path but was absent");
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText);
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
