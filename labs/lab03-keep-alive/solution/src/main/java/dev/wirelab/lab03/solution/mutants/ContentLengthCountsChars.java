package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Body;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Resources;
import dev.wirelab.lab03.solution.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Lab 01's classic bug, back: /hello's Content-Length counts characters (10), not UTF-8 bytes (14). */
public class ContentLengthCountsChars extends ReferenceServer {
  @Override
  protected Resources resources() {
    return new Resources() {
      @Override
      protected Response hello() {
        Response hello = super.hello();
        byte[] bytes = ((Body.Fixed) hello.body()).bytes();
        int characters = new String(bytes, StandardCharsets.UTF_8).length();
        return new Response(hello.status(), hello.reason(), hello.fields(), new Body() {
          @Override
          public OptionalLong length() {
            return OptionalLong.of(characters);
          }

          @Override
          public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
          }
        });
      }
    };
  }
}
