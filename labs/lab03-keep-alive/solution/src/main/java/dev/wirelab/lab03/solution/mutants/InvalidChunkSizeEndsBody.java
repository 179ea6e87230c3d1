package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ChunkedBody;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;
import dev.wirelab.labs.common.RejectedRequest;
import java.io.InputStream;

/** Classic bug: a chunk size that does not parse is taken as 0, the last-chunk, instead of a 400. */
public class InvalidChunkSizeEndsBody extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected ChunkedBody chunkedBody(InputStream in) {
        return new LenientChunkedBody(in);
      }
    };
  }

  private static final class LenientChunkedBody extends ChunkedBody {
    LenientChunkedBody(InputStream in) {
      super(in, RequestReader.MAX_BODY_BYTES);
    }

    @Override
    protected long chunkSize(String sizeLine) {
      try {
        return super.chunkSize(sizeLine);
      } catch (RejectedRequest notHex) {
        return 0;
      }
    }
  }
}
