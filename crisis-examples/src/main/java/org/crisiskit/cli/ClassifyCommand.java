package org.crisiskit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.Flag;

/**
 * {@code ./crisis classify [--model FILE] [--skip-invalid]}: classifies JSONL mentions from stdin and
 * writes one JSON result a line to stdout.
 */
final class ClassifyCommand implements CliCommand, CrisisCli.HasFlags {
  /** Results written between checks that stdout still takes output. */
  private static final int CHECK_EVERY = 256;

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public String summary() {
    return "classify JSONL mentions from stdin (intent, polarity, abuse, topics, flags)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis classify [--model FILE] [--skip-invalid] < mentions.jsonl > results.jsonl",
        "  stdin           one {\"id\": ..., \"text\": ..., \"lang\"?: ...} or a full mention a line",
        "  stdout          one {\"id\", \"intent\", \"polarity\", \"sentiment\", \"abusive\", \"sensitive\",",
        "                  \"topics\": [], \"flags\": [], \"lang\", \"reasons\": []} a line",
        "  --model FILE    a model written by ./crisis train, or 'bundled' for the model",
        "                  shipped in the library (default: the rule engine)",
        "  --skip-invalid  report malformed lines on stderr and go on (default: stop at the first)");
  }

  @Override
  public Set<String> flags() {
    return Set.of("skip-invalid");
  }

  @Override
  public int run(Args args, Io io) throws IOException {
    Optional<String> model = args.option("model");
    boolean skip = args.flag("skip-invalid");
    args.checkAllUsed();
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + args.positional().get(0) + "'; input is read from stdin");
    }
    Classifier classifier = ModelFiles.classifier(model);
    TextLines in = new TextLines(io.in());
    Writer w = new OutputStreamWriter(io.out(), StandardCharsets.UTF_8);
    JsonGenerator g = new JsonFactory().createGenerator(w);
    g.setRootValueSeparator(null);
    int lineNo = 0;
    int invalid = 0;
    int written = 0;
    try {
      while (in.next()) {
        lineNo = in.number();
        JsonNode id;
        String text;
        Optional<String> lang;
        try {
          String line = in.text();
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = LabelledJsonl.parseLine(line);
          if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {\"id\": ..., \"text\": ...}");
          }
          id = n.get("id");
          if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new IllegalArgumentException("$.id: expected a string or an integer");
          }
          JsonNode t = n.get("text");
          if (t == null || !t.isTextual()) {
            throw new IllegalArgumentException("$.text: expected a string");
          }
          text = t.asText();
          JsonNode l = n.get("lang");
          if (l != null && !l.isNull() && !l.isTextual()) {
            throw new IllegalArgumentException("$.lang: expected a language code such as \"es\" or null");
          }
          lang = l == null || l.isNull() ? Optional.empty() : Optional.of(l.asText());
        } catch (JsonProcessingException e) {
          if (fail(io, skip, lineNo, "not valid JSON: " + e.getOriginalMessage())) {
            g.flush();
            return 1;
          }
          invalid++;
          continue;
        } catch (IllegalArgumentException e) {
          if (fail(io, skip, lineNo, e.getMessage())) {
            g.flush();
            return 1;
          }
          invalid++;
          continue;
        }
        write(g, id, classifier.classify(text, lang));
        g.writeRaw('\n');
        if (++written % CHECK_EVERY == 0) {
          g.flush();
          if (io.out().checkError()) { // PrintStream keeps write errors to itself: a closed pipe (| head)
            io.err().println("crisis classify: cannot write to stdout (closed?); stopped after line " + lineNo);
            return 1;
          }
        }
      }
    } finally {
      g.flush();
    }
    if (io.out().checkError()) { // the last results (fewer than CHECK_EVERY) may not have reached stdout
      io.err().println("crisis classify: cannot write to stdout (closed?); results after line " + lineNo
          + " may be missing");
      return 1;
    }
    if (invalid > 0) {
      io.err().println("crisis classify: skipped " + invalid + " invalid line" + (invalid == 1 ? "" : "s"));
    }
    return 0;
  }

  private static boolean fail(Io io, boolean skip, int lineNo, String msg) {
    io.err().println("crisis classify: stdin line " + lineNo + ": " + msg);
    return !skip;
  }

  static void write(JsonGenerator g, JsonNode id, Classification c) throws IOException {
    g.writeStartObject();
    g.writeFieldName("id");
    if (id.isTextual()) {
      g.writeString(id.asText());
    } else {
      g.writeNumber(id.bigIntegerValue());
    }
    g.writeStringField("intent", c.intent().jsonName());
    g.writeStringField("polarity", c.polarity().jsonName());
    g.writeNumberField("sentiment", Math.round(c.sentiment() * 1000) / 1000.0);
    g.writeBooleanField("abusive", c.abusive());
    g.writeBooleanField("sensitive", c.sensitive());
    g.writeArrayFieldStart("topics");
    for (String t : new TreeSet<>(c.topics())) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("flags");
    for (Flag f : Flag.values()) {
      if (c.flags().contains(f)) {
        g.writeString(f.jsonName());
      }
    }
    g.writeEndArray();
    g.writeStringField("lang", c.lang());
    g.writeArrayFieldStart("reasons");
    for (String r : c.reasons()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
