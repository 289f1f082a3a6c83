package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.crisiskit.internal.Json;

/** Invariants of the stream line reader and the payload parser. */
class LineReaderProperties {
  @Property(tries = 300)
  void returnsExactlyTheTerminatedLinesAndReportsACutLastLine(
      @ForAll @Size(max = 8) List<@StringLength(max = 30) String> lines,
      @ForAll boolean crlf,
      @ForAll @StringLength(max = 10) String tail) throws IOException {
    List<String> clean = lines.stream().map(l -> l.replace("\n", "").replace("\r", "")).toList();
    String cut = tail.replace("\n", "").replace("\r", "");
    StringBuilder body = new StringBuilder();
    for (String l : clean) {
      body.append(l).append(crlf ? "\r\n" : "\n");
    }
    body.append(cut);
    LineReader r = new LineReader(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
    List<String> read = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      read.add(line);
    }
    assertEquals(clean, read);
    assertEquals(!cut.isEmpty(), r.droppedMidLine());
  }

  @Property(tries = 300)
  void parserNeverThrowsOnArbitraryPayloads(@ForAll @StringLength(max = 200) String text,
      @ForAll @StringLength(max = 25) String id, @ForAll @StringLength(max = 25) String authorId) throws Exception {
    var root = Json.object();
    var post = root.putArray("data").addObject();
    post.put("id", id);
    post.put("text", text);
    post.put("author_id", authorId);
    post.put("created_at", text);
    root.putObject("includes").putArray("users").addObject().put("id", authorId).put("username", text);
    PostParser.Page page = new PostParser(java.util.Optional.of("acme"), java.util.Optional.empty()).parse(root, false);
    assertEquals(1, page.mentions().size() + page.malformed() + page.ownSkipped());
  }
}
