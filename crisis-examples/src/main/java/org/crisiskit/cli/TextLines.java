package org.crisiskit.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * UTF-8 text read one numbered line at a time, for the commands that read JSONL. Lines end at LF or
 * CRLF; a byte-order mark before the first line is skipped; a line that is not valid UTF-8 is refused
 * by {@link #text()} on its own, so the reader names its line and can go on with the next one.
 */
final class TextLines implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int start;
  private int len;
  private int number;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer chars = CharBuffer.allocate(256);

  TextLines(InputStream in) {
    this.in = in;
  }

  static TextLines open(Path file) throws IOException {
    return new TextLines(Files.newInputStream(file));
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    len = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        int n = in.read(buf);
        if (n <= 0) {
          if (!any) {
            return false;
          }
          break;
        }
        pos = 0;
        limit = n;
      }
      any = true;
      int end = pos;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      append(end - pos);
      boolean newline = end < limit;
      pos = newline ? end + 1 : end;
      if (newline) {
        break;
      }
    }
    number++;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    start = number == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF
        ? 3 : 0;
    return true;
  }

  private void append(int n) {
    if (len + n > line.length) {
      line = Arrays.copyOf(line, Math.max(len + n, line.length * 2));
    }
    System.arraycopy(buf, pos, line, len, n);
    len += n;
  }

  /** The current line's number, from 1. */
  int number() {
    return number;
  }

  /**
   * The current line without its end.
   *
   * @throws IllegalArgumentException when the line is not valid UTF-8, naming the first bad byte
   */
  String text() {
    int n = len - start;
    if (chars.capacity() < n) {
      chars = CharBuffer.allocate(Math.max(n, chars.capacity() * 2));
    }
    chars.clear();
    ByteBuffer bytes = ByteBuffer.wrap(line, start, n);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "not valid UTF-8: byte 0x%02X at byte %d of the line (save the file as UTF-8)",
          line[bytes.position()] & 0xFF, bytes.position() - start + 1));
    }
    chars.flip();
    return chars.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
