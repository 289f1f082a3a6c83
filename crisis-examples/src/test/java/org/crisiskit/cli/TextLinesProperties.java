package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the line ends (LF or CRLF), a byte-order mark, a missing final newline or how the input
 * arrives in reads, the lines read back are the lines written; a line that is not UTF-8 is refused
 * alone and the lines after it still read back.
 */
class TextLinesProperties {
  @Property(tries = 300)
  void linesReadBackAsWritten(@ForAll @Size(max = 12) List<String> raw, @ForAll boolean crlf,
      @ForAll boolean bom, @ForAll boolean finalNewline, @ForAll @IntRange(min = 1, max = 9) int chunk,
      @ForAll @IntRange(min = -1, max = 11) int badLine) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String s : raw) {
      // a line holds no line end, a U+FEFF first would be read as a byte-order mark, lone surrogates
      // have no UTF-8 form
      lines.add(new String(s.replace('\n', ' ').replace('\r', ' ').replace('\uFEFF', ' ').getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8));
    }
    if (!finalNewline && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.set(lines.size() - 1, "x"); // an empty last line without its newline was never written
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (bom) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int i = 0; i < lines.size(); i++) {
      bytes.write(lines.get(i).getBytes(StandardCharsets.UTF_8));
      if (i == badLine) {
        bytes.write(0xE9);
      }
      if (i < lines.size() - 1 || finalNewline) {
        bytes.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    try (TextLines in = new TextLines(new Trickle(bytes.toByteArray(), chunk))) {
      List<String> read = new ArrayList<>();
      while (in.next()) {
        int i = in.number() - 1;
        if (i == badLine && badLine < lines.size()) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class, in::text);
          assertTrue(e.getMessage().contains("not valid UTF-8: byte 0xE9"), e.getMessage());
          read.add(lines.get(i));
        } else {
          read.add(in.text());
        }
      }
      // a byte-order mark alone reads as one empty line (which the commands skip as blank)
      assertEquals(lines.isEmpty() && bom ? List.of("") : lines, read);
    }
  }

  /** Hands out at most {@code chunk} bytes a read, so lines straddle reads. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream in;
    private final int chunk;

    Trickle(byte[] b, int chunk) {
      this.in = new ByteArrayInputStream(b);
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, chunk));
    }
  }
}
