package dev.wirelab.labs.lab02;

import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The decoded body cut back into the pieces the server framed it in. */
final class ChunkData {
  private ChunkData() {}

  static List<byte[]> split(HttpResponse response) {
    List<byte[]> pieces = new ArrayList<>();
    byte[] body = response.body();
    int from = 0;
    for (Chunk chunk : response.dataChunks()) {
      int to = (int) Math.min(body.length, from + chunk.size());
      pieces.add(Arrays.copyOfRange(body, from, to));
      from = to;
    }
    return pieces;
  }
}
