package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Body;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Resources;
import dev.wirelab.lab03.solution.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

/** Classic bug: 404 and 405 pages announce one byte more than they send; the close used to hide it. */
public class ErrorPageLengthOneTooLarge extends ReferenceServer {
  @Override
  protected Resources resources() {
    return new Resources() {
      @Override
      protected Response errorPage(int status, String reason, String message) {
        Response page = super.errorPage(status, reason, message);
        byte[] text = ((Body.Fixed) page.body()).bytes();
        return new Response(page.status(), page.reason(), page.fields(), new Body() {
          @Override
          public OptionalLong length() {
            return OptionalLong.of(text.length + 1);
          }

          @Override
          public void writeTo(OutputStream out) throws IOException {
            out.write(text);
          }
        });
      }
    };
  }
}
