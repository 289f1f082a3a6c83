package org.crisiskit.playbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.DidYouMean;
import org.crisiskit.internal.Json;

/**
 * Reads a {@link Playbook} from JSON, validating it and reporting every problem with its file, line
 * and JSON path.
 *
 * <h2>Schema</h2>
 *
 * <pre>{@code
 * {
 *   "name": "acme-care",                      // optional
 *   "brand": "Acme",                          // for {brand}; required when a template uses it
 *   "languages": ["es", "en"],                // answered languages, default first (required)
 *   "defaultDepartment": "customer_care",     // owner when no route matches (required)
 *   "topics": ["politics", "religion"],       // the playbook's own topics beyond the built-in ones
 *   "templates": [{"id": "complaint-delivery-es", "intent": "complaint", "topic": "delivery",
 *                  "severity": "high", "lang": "es", "text": "{author} ..."}],
 *   "facts": [{"topic": "delivery", "lang": "es", "text": "..."}],
 *   "neverAnswer": [{"topics": ["politics"], "intents": ["sensitive"], "instead": "record|watch|escalate",
 *                    "department": "management", "reason": "..."}],
 *   "routes": [{"when": {...}, "department": "logistics", "owner": "team-logistics"}],
 *   "escalations": [{"when": {...}, "department": "management", "approvalRequired": true, "reason": "..."}],
 *   "thankYou": {"reply": true, "rewardCode": "GRACIAS10"},   // rewardCode required when a template uses {reward_code}
 *   "followUpAfter": "48h",                   // 30m, 48h, 2d or ISO-8601 (PT48H)
 *   "publicOutcomeRequired": true,
 *   "forbiddenPhrases": ["es culpa suya", "guaranteed by tomorrow"],
 *   "allowedLinks": ["acme.example"],         // domains (subdomains included), not URLs
 *   "departments": {"logistics": {"es": "logística", "en": "logistics"}}   // names for {department}
 * }
 * }</pre>
 *
 * A {@code when} object is described on {@link When}; template placeholders on
 * {@link Template#PLACEHOLDERS}; topics are the built-in {@link org.crisiskit.classify.Topics} plus
 * the playbook's {@code topics}. Unknown fields are errors (a misspelt {@code when} would otherwise
 * match everything), and so is a key given twice in one object (the last one would otherwise win
 * unseen). Thread-safe.
 */
public final class PlaybookJson {
  private static final Pattern INDEX = Pattern.compile("^(\\w+)\\[(\\d+)\\]");

  /**
   * The shared mapper with duplicate-key detection, for playbooks only: a key given twice in one
   * object is an error instead of the last one silently winning. Other JSON the library reads keeps
   * the mapper's defaults.
   */
  private static final ObjectReader READER = Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  /** Jackson's message for a repeated key. */
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private PlaybookJson() {}

  /**
   * Reads the playbook in {@code file}.
   *
   * @throws PlaybookFormatException listing every error with file, line and path
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Playbook parse(Path file) {
    return parse(read(file), file.toString());
  }

  /**
   * Reads a playbook from JSON text; {@code source} names it in error messages.
   *
   * @throws PlaybookFormatException listing every error with source, line and path
   */
  public static Playbook parse(String json, String source) {
    Reader r = new Reader(json, source);
    Playbook p = r.read();
    if (r.problems.stream().anyMatch(x -> !x.warning())) {
      throw new PlaybookFormatException(r.problems);
    }
    return p;
  }

  /** Every error and warning in the playbook at {@code file}, in line order; empty when clean. */
  public static List<PlaybookProblem> check(Path file) {
    String json;
    try {
      json = read(file);
    } catch (PlaybookFormatException e) {
      return e.problems();
    }
    return check(json, file.toString());
  }

  /** Every error and warning in a playbook's JSON text, in line order; empty when clean. */
  public static List<PlaybookProblem> check(String json, String source) {
    Reader r = new Reader(json, source);
    Playbook p = r.read();
    if (p != null && r.problems.stream().noneMatch(x -> !x.warning())) {
      for (PlaybookProblem w : PlaybookValidator.warnings(p)) {
        r.problems.add(new PlaybookProblem(source, r.line(w.path()), w.path(), w.message(), true));
      }
    }
    return r.sorted();
  }

  /** The file's text: UTF-8, a byte-order mark skipped; bytes that are not UTF-8 are an error naming the line. */
  private static String read(Path file) {
    byte[] b;
    try {
      b = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + file + ": " + e.getMessage(), e);
    }
    int start = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
    CharBuffer out = CharBuffer.allocate(b.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int line = 1;
      for (int i = start; i < in.position(); i++) {
        line += b[i] == '\n' ? 1 : 0;
      }
      throw new PlaybookFormatException(List.of(new PlaybookProblem(file.toString(), line, "$", String.format(
          Locale.ROOT, "not valid UTF-8: byte 0x%02X (save the file as UTF-8)", b[in.position()] & 0xFF), false)));
    }
    return out.flip().toString();
  }

  /** Maps JSON pointers ({@code /routes/3/when/topic}) to the line they start on. */
  static Map<String, Integer> lines(String json) throws IOException {
    Map<String, Integer> m = new HashMap<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        JsonStreamContext ctx = p.getParsingContext();
        if (t == JsonToken.FIELD_NAME || (ctx.inArray() && t.isScalarValue())) {
          m.putIfAbsent(ctx.pathAsPointer().toString(), line);
        } else if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
            && ctx.getParent() != null && ctx.getParent().inArray()) {
          m.putIfAbsent(ctx.getParent().pathAsPointer().toString(), line);
        }
      }
    }
    return m;
  }

  /** One read of one document, collecting problems instead of stopping at the first. */
  private static final class Reader {
    final String json;
    final String source;
    final List<PlaybookProblem> problems = new ArrayList<>();
    Map<String, Integer> lines = Map.of();
    Set<String> knownTopics = Set.of();
    final Map<String, List<Integer>> indexOf = new HashMap<>();

    Reader(String json, String source) {
      this.json = json;
      this.source = source;
    }

    List<PlaybookProblem> sorted() {
      List<PlaybookProblem> s = new ArrayList<>(problems);
      s.sort(Comparator.comparingInt(PlaybookProblem::line));
      return s;
    }

    int line(String path) {
      String ptr = path.isEmpty() || path.equals("$") ? "" : "/" + path.replaceAll("\\[(\\d+)\\]", "/$1").replace('.', '/');
      while (true) {
        Integer l = lines.get(ptr);
        if (l != null) {
          return l;
        }
        int cut = ptr.lastIndexOf('/');
        if (cut < 0) {
          return 1;
        }
        ptr = ptr.substring(0, cut);
      }
    }

    void error(String path, String message) {
      problems.add(new PlaybookProblem(source, line(path), path, message, false));
    }

    Playbook read() {
      JsonNode root;
      try {
        root = READER.readTree(json);
        lines = lines(json);
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        Optional<String> key = repeatedKey(e);
        if (key.isPresent()) {
          problems.add(repeated(key.get(), line, (JsonParser) e.getProcessor()));
        } else {
          problems.add(new PlaybookProblem(source, line, "$", "not valid JSON: " + e.getOriginalMessage(), false));
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (root == null || !root.isObject()) {
        error("$", "expected a JSON object at the top");
        return null;
      }
      fields(root, "", Set.of("name", "brand", "languages", "defaultDepartment", "topics", "templates", "facts",
          "neverAnswer", "routes", "escalations", "thankYou", "followUpAfter", "publicOutcomeRequired",
          "forbiddenPhrases", "allowedLinks", "departments", "$schema", "description"));
      Playbook.Builder b = Playbook.newBuilder();
      text(root, "name", "").ifPresent(b::name);
      text(root, "brand", "").ifPresent(b::brand);
      List<String> langs = strings(root, "languages", "");
      if (langs.isEmpty()) {
        error("languages", "is required: a non-empty array of language codes such as [\"es\", \"en\"]");
      } else {
        b.languages(langs.toArray(new String[0]));
      }
      Optional<String> dept = text(root, "defaultDepartment", "");
      if (dept.isEmpty() || dept.get().isBlank()) {
        error("defaultDepartment", "is required: the department that owns cases no route matches");
      } else {
        b.defaultDepartment(dept.get());
      }
      List<String> own = strings(root, "topics", "");
      b.topic(own.toArray(new String[0]));
      Set<String> known = new LinkedHashSet<>(org.crisiskit.classify.Topics.BUILT_IN);
      known.addAll(own);
      knownTopics = known;
      array(root, "templates", "", this::template).forEach(b::template);
      array(root, "facts", "", this::fact).forEach(b::fact);
      array(root, "neverAnswer", "", this::neverAnswer).forEach(b::neverAnswer);
      array(root, "routes", "", this::route).forEach(b::route);
      array(root, "escalations", "", this::escalation).forEach(b::escalation);
      JsonNode ty = root.get("thankYou");
      if (ty != null) {
        if (!ty.isObject()) {
          error("thankYou", "expected an object {\"reply\": true, \"rewardCode\": \"...\"}");
        } else {
          fields(ty, "thankYou", Set.of("reply", "rewardCode"));
          b.thankYou(new ThankYouPolicy(bool(ty, "reply", "thankYou", true),
              text(ty, "rewardCode", "thankYou")));
        }
      }
      text(root, "followUpAfter", "").ifPresent(s -> duration("followUpAfter", s).ifPresent(b::followUpDelay));
      b.publicOutcomeRequired(bool(root, "publicOutcomeRequired", "", true));
      b.forbiddenPhrase(strings(root, "forbiddenPhrases", "").toArray(new String[0]));
      b.allowLink(strings(root, "allowedLinks", "").toArray(new String[0]));
      indexOf.put("allowedLinks", stringIndexes(root.get("allowedLinks")));
      JsonNode deps = root.get("departments");
      if (deps != null && !deps.isNull()) {
        if (!deps.isObject()) {
          error("departments", "expected an object such as {\"logistics\": {\"es\": \"logística\"}}");
        } else {
          deps.fields().forEachRemaining(d -> {
            String path = "departments." + d.getKey();
            if (!d.getValue().isObject()) {
              error(path, "expected an object of display names per language such as {\"es\": \"logística\"}");
              return;
            }
            d.getValue().fields().forEachRemaining(n -> {
              if (!n.getValue().isTextual()) {
                error(path + "." + n.getKey(), "expected a string");
              } else if (!langs.contains(n.getKey())) {
                error(path + "." + n.getKey(), "language '" + n.getKey() + "' is not one of the playbook's languages "
                    + langs + DidYouMean.hint(n.getKey(), langs));
              } else {
                b.departmentName(d.getKey(), n.getKey(), n.getValue().textValue());
              }
            });
          });
        }
      }
      Playbook p = b.buildUnchecked();
      for (PlaybookProblem v : PlaybookValidator.validate(p)) {
        String path = jsonPath(v.path());
        error(path, v.message());
      }
      return p;
    }

    /** The key a {@link #READER} failure names when it is a repeated key rather than bad syntax. */
    static Optional<String> repeatedKey(JsonProcessingException e) {
      Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
      return m.matches() && e.getProcessor() instanceof JsonParser ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A key given twice in one object, at its JSON path, with the line of its first occurrence. */
    PlaybookProblem repeated(String key, int line, JsonParser at) {
      JsonStreamContext ctx = at.getParsingContext();
      String ptr = ctx.pathAsPointer().toString();
      if (!key.equals(ctx.getCurrentName())) {
        ptr = ptr + "/" + key.replace("~", "~0").replace("/", "~1");
      }
      StringBuilder path = new StringBuilder();
      for (String seg : ptr.substring(1).split("/", -1)) {
        if (seg.matches("\\d+") && path.length() > 0) {
          path.append('[').append(seg).append(']');
        } else {
          path.append(path.length() == 0 ? "" : ".").append(seg.replace("~1", "/").replace("~0", "~"));
        }
      }
      try {
        lines = lines(json);
      } catch (IOException e) {
        lines = Map.of();
      }
      Integer first = lines.get(ptr);
      return new PlaybookProblem(source, line, path.toString(), "key '" + key + "' given twice"
          + (first != null && first != line ? " (first on line " + first + ")" : "")
          + ": expected each key once in an object (the last one would silently win)", false);
    }

    /** Rewrites a model path (list index) to the JSON path (array index, singular field names). */
    String jsonPath(String modelPath) {
      Matcher m = INDEX.matcher(modelPath);
      String path = modelPath;
      if (m.find()) {
        List<Integer> idx = indexOf.getOrDefault(m.group(1), List.of());
        int i = Integer.parseInt(m.group(2));
        if (i < idx.size()) {
          path = m.group(1) + "[" + idx.get(i) + "]" + modelPath.substring(m.end());
        }
      }
      if (path.endsWith("s") && !lines.containsKey(pointer(path)) && lines.containsKey(pointer(path.substring(0, path.length() - 1)))) {
        path = path.substring(0, path.length() - 1);
      }
      return path;
    }

    String pointer(String path) {
      return "/" + path.replaceAll("\\[(\\d+)\\]", "/$1").replace('.', '/');
    }

    /** The array indexes of the strings {@link #strings} kept, so that model paths map back to JSON ones. */
    static List<Integer> stringIndexes(JsonNode v) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; v != null && v.isArray() && i < v.size(); i++) {
        if (v.get(i).isTextual()) {
          idx.add(i);
        }
      }
      return idx;
    }

    <T> List<T> array(JsonNode parent, String field, String at, Function<Item, Optional<T>> f) {
      JsonNode n = parent.get(field);
      List<T> out = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      indexOf.put(field, idx);
      if (n == null || n.isNull()) {
        return out;
      }
      String path = join(at, field);
      if (!n.isArray()) {
        error(path, "expected an array but was " + n.getNodeType().name().toLowerCase(Locale.ROOT));
        return out;
      }
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        String p = path + "[" + i + "]";
        if (!e.isObject()) {
          error(p, "expected an object");
          continue;
        }
        int before = problems.size();
        Optional<T> t;
        try {
          t = f.apply(new Item(e, p));
        } catch (IllegalArgumentException ex) {
          error(p, ex.getMessage());
          t = Optional.empty();
        }
        if (t.isPresent() && problems.size() == before) {
          out.add(t.get());
          idx.add(i);
        }
      }
      return out;
    }

    Optional<Template> template(Item it) {
      fields(it.node, it.path, Set.of("id", "intent", "topic", "severity", "lang", "text"));
      Optional<String> id = required(it, "id");
      Optional<String> lang = required(it, "lang");
      Optional<String> text = required(it, "text");
      Optional<Intent> intent = text(it.node, "intent", it.path).flatMap(s -> intent(join(it.path, "intent"), s));
      Optional<String> topic = text(it.node, "topic", it.path);
      topic.ifPresent(t -> topic(join(it.path, "topic"), t));
      Optional<Severity> sev = text(it.node, "severity", it.path).flatMap(s -> severity(join(it.path, "severity"), s));
      if (id.isEmpty() || lang.isEmpty() || text.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Template(id.get(), intent, topic, sev, lang.get(), text.get()));
    }

    Optional<Fact> fact(Item it) {
      fields(it.node, it.path, Set.of("topic", "lang", "text"));
      Optional<String> topic = required(it, "topic");
      topic.ifPresent(t -> topic(join(it.path, "topic"), t));
      Optional<String> lang = required(it, "lang");
      Optional<String> text = required(it, "text");
      if (topic.isEmpty() || lang.isEmpty() || text.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Fact(topic.get(), lang.get(), text.get()));
    }

    Optional<NeverAnswerRule> neverAnswer(Item it) {
      fields(it.node, it.path, Set.of("topic", "topics", "intent", "intents", "instead", "department", "reason"));
      Set<String> topics = topics(it.node, it.path);
      Set<Intent> intents = intents(it.node, it.path);
      Instead instead = text(it.node, "instead", it.path).flatMap(s -> {
        for (Instead x : Instead.values()) {
          if (x.jsonName().equalsIgnoreCase(s)) {
            return Optional.of(x);
          }
        }
        error(join(it.path, "instead"), "unknown value '" + s + "', expected one of record, watch, escalate"
            + DidYouMean.hint(s, List.of("record", "watch", "escalate")));
        return Optional.empty();
      }).orElse(Instead.RECORD);
      if (topics.isEmpty() && intents.isEmpty()) {
        error(it.path, "needs \"topics\" or \"intents\"");
        return Optional.empty();
      }
      return Optional.of(new NeverAnswerRule(topics, intents, instead, text(it.node, "department", it.path),
          text(it.node, "reason", it.path).orElse("the playbook never answers this publicly")));
    }

    Optional<RouteRule> route(Item it) {
      fields(it.node, it.path, Set.of("when", "department", "owner"));
      When w = when(it);
      Optional<String> dept = required(it, "department");
      return dept.map(d -> new RouteRule(w, d, text(it.node, "owner", it.path)));
    }

    Optional<EscalationRule> escalation(Item it) {
      fields(it.node, it.path, Set.of("when", "department", "approvalRequired", "reason"));
      When w = when(it);
      String dept = text(it.node, "department", it.path).orElse(Playbook.MANAGEMENT);
      return Optional.of(new EscalationRule(w, dept, bool(it.node, "approvalRequired", it.path, true),
          text(it.node, "reason", it.path).orElse("escalation rule " + it.path)));
    }

    When when(Item it) {
      JsonNode n = it.node.get("when");
      String path = join(it.path, "when");
      if (n == null || n.isNull()) {
        return When.any();
      }
      if (!n.isObject()) {
        error(path, "expected an object such as {\"topic\": \"delivery\"}");
        return When.any();
      }
      fields(n, path, Set.of("topic", "topics", "intent", "intents", "severity", "lang", "langs", "minFollowers",
          "flag", "flags", "crisisSeverity", "verified"));
      Set<String> langs = new LinkedHashSet<>(stringsOrOne(n, "lang", "langs", path));
      Set<Flag> flags = new LinkedHashSet<>();
      for (String f : stringsOrOne(n, "flag", "flags", path)) {
        try {
          flags.add(Flag.fromJsonName(f));
        } catch (IllegalArgumentException e) {
          error(join(path, n.has("flag") ? "flag" : "flags"), e.getMessage() + DidYouMean.hint(f,
              List.of("churn_threat", "legal_threat", "media_exposure", "health_safety_risk")));
        }
      }
      Optional<Severity> sev = text(n, "severity", path).flatMap(s -> severity(join(path, "severity"), s));
      long followers = number(n, "minFollowers", path, 0, Long.MAX_VALUE);
      int crisis = (int) number(n, "crisisSeverity", path, 0, 10);
      Optional<Boolean> verified = n.has("verified") ? Optional.of(bool(n, "verified", path, false)) : Optional.empty();
      return new When(topics(n, path), intents(n, path), sev, langs, followers, flags, crisis, verified);
    }

    Set<String> topics(JsonNode n, String path) {
      Set<String> out = new LinkedHashSet<>();
      String field = n.has("topic") ? "topic" : "topics";
      for (String t : stringsOrOne(n, "topic", "topics", path)) {
        if (topic(join(path, field), t)) {
          out.add(t);
        }
      }
      return out;
    }

    Set<Intent> intents(JsonNode n, String path) {
      Set<Intent> out = new LinkedHashSet<>();
      String field = n.has("intent") ? "intent" : "intents";
      for (String s : stringsOrOne(n, "intent", "intents", path)) {
        intent(join(path, field), s).ifPresent(out::add);
      }
      return out;
    }

    boolean topic(String path, String t) {
      if (!knownTopics.contains(t)) {
        error(path, "unknown topic '" + t + "'" + DidYouMean.hint(t, knownTopics)
            + " (declare the playbook's own topics in \"topics\")");
        return false;
      }
      return true;
    }

    Optional<Intent> intent(String path, String s) {
      try {
        return Optional.of(Intent.fromJsonName(s));
      } catch (IllegalArgumentException e) {
        error(path, e.getMessage() + DidYouMean.hint(s, names(Intent.values())));
        return Optional.empty();
      }
    }

    Optional<Severity> severity(String path, String s) {
      try {
        return Optional.of(Severity.fromJsonName(s));
      } catch (IllegalArgumentException e) {
        error(path, e.getMessage() + DidYouMean.hint(s, names(Severity.values())));
        return Optional.empty();
      }
    }

    Optional<Duration> duration(String path, String s) {
      try {
        String v = s.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
          return Optional.of(positive(Duration.parse(v.toUpperCase(Locale.ROOT))));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        switch (v.charAt(v.length() - 1)) {
          case 'm':
            return Optional.of(positive(Duration.ofMinutes(n)));
          case 'h':
            return Optional.of(positive(Duration.ofHours(n)));
          case 'd':
            return Optional.of(positive(Duration.ofDays(n)));
          default:
            break;
        }
      } catch (RuntimeException e) {
        // reported below
      }
      error(path, "expected a positive duration such as 30m, 48h, 2d or PT48H but was '" + s + "'");
      return Optional.empty();
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException();
      }
      return d;
    }

    static List<String> names(Enum<?>[] values) {
      List<String> out = new ArrayList<>();
      for (Enum<?> v : values) {
        out.add(v.name().toLowerCase(Locale.ROOT));
      }
      return out;
    }

    void fields(JsonNode obj, String path, Set<String> allowed) {
      Iterator<String> it = obj.fieldNames();
      while (it.hasNext()) {
        String f = it.next();
        if (!allowed.contains(f)) {
          error(join(path, f), "unknown field '" + f + "'" + DidYouMean.hint(f, allowed)
              + (DidYouMean.suggest(f, allowed).isEmpty() ? ", expected one of " + new java.util.TreeSet<>(allowed) : ""));
        }
      }
    }

    Optional<String> required(Item it, String field) {
      Optional<String> s = text(it.node, field, it.path);
      if (s.isEmpty() && !it.node.has(field)) {
        error(join(it.path, field), "is required (a string)");
      }
      return s;
    }

    Optional<String> text(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        error(join(path, field), "expected a string but was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        return Optional.empty();
      }
      return Optional.of(v.textValue());
    }

    boolean bool(JsonNode n, String field, String path, boolean dflt) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isBoolean()) {
        error(join(path, field), "expected true or false but was " + v);
        return dflt;
      }
      return v.booleanValue();
    }

    long number(JsonNode n, String field, String path, long min, long max) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return min;
      }
      if (!v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
        error(join(path, field), "expected a whole number in [" + min + ", " + (max == Long.MAX_VALUE ? "∞" : max)
            + "] but was " + v);
        return min;
      }
      return v.longValue();
    }

    List<String> strings(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      List<String> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      String p = join(path, field);
      if (!v.isArray()) {
        error(p, "expected an array of strings");
        return out;
      }
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          error(p + "[" + i + "]", "expected a string");
        } else {
          out.add(v.get(i).textValue());
        }
      }
      return out;
    }

    List<String> stringsOrOne(JsonNode n, String one, String many, String path) {
      if (n.has(one) && n.has(many)) {
        error(join(path, one), "give either \"" + one + "\" or \"" + many + "\", not both");
      }
      if (n.has(one)) {
        return text(n, one, path).map(List::of).orElse(List.of());
      }
      return strings(n, many, path);
    }

    static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }
  }

  private record Item(JsonNode node, String path) {}
}
