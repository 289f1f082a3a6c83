package org.crisiskit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisiskit.classify.Intent;
import org.crisiskit.playbook.Template;

/** The checks every {@link MessageChecker} runs unless disabled. */
final class BuiltInChecks {
  private BuiltInChecks() {}

  /** A text that is empty or only white space (or other invisible characters) says nothing. */
  static final class Empty implements MessageCheck {
    @Override
    public String name() {
      return "empty";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      String t = m.text();
      boolean blank = t.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
          || Character.getType(cp) == Character.FORMAT);
      return blank ? List.of(Finding.blocking(name(), t.isEmpty() ? "the message is empty"
          : "the message is only white space", 0, t.length(), "write the message")) : List.of();
    }
  }

  /** Weighted length, with the @handle prefix of a public reply. */
  static final class Length implements MessageCheck {
    private final NetworkRules rules;

    Length(NetworkRules rules) {
      this.rules = rules;
    }

    @Override
    public String name() {
      return "length";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      String prefix = m.handlePrefix();
      int limit = m.isPublic() ? rules.maxLength() : rules.maxPrivateLength();
      int total = rules.weightedLength(prefix + m.text());
      if (total <= limit) {
        return List.of();
      }
      // the first char index of the text at which the limit is exceeded
      int cut = m.text().length();
      int lo = 0;
      int hi = m.text().length();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (rules.weightedLength(prefix + m.text().substring(0, safe(m.text(), mid))) > limit) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      cut = Math.max(0, safe(m.text(), lo > 0 ? lo - 1 : 0));
      return List.of(Finding.blocking(name(), String.format(Locale.ROOT,
          "%d weighted characters%s, the limit %son %s is %d", total,
          prefix.isEmpty() ? "" : " including the '" + prefix.trim() + "' prefix",
          m.isPublic() ? "" : "of a private message ", rules.network(), limit),
          cut, m.text().length(), "shorten by " + (total - limit)
              + (m.isPublic() ? " or continue in a private message" : "")));
    }

    private static int safe(String s, int i) {
      return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }
  }

  /** Placeholders such as {eta} left in the text. */
  static final class Placeholders implements MessageCheck {
    @Override
    public String name() {
      return "placeholder";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      List<Finding> out = new ArrayList<>();
      Matcher x = Template.PLACEHOLDER.matcher(m.text());
      while (x.find()) {
        out.add(Finding.blocking(name(), "unresolved placeholder " + x.group(), x.start(), x.end(),
            "replace it with the real value"));
      }
      return out;
    }
  }

  /** The message is not in the customer's (or its declared) language. */
  static final class Language implements MessageCheck {
    @Override
    public String name() {
      return "language";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      Optional<String> want = m.customerLang().or(m::lang).map(Text::root).filter(l -> !l.equals("und"));
      if (want.isEmpty()) {
        return List.of();
      }
      String got = Text.guessLang(m.text());
      if (got.equals("und") || got.equals(want.get())) {
        return List.of();
      }
      if (!want.get().equals("es") && !want.get().equals("en")) {
        return List.of(Finding.warning(name(), "the message reads as '" + got + "' but the customer writes '"
            + want.get() + "'", 0, m.text().length(), null));
      }
      return List.of(Finding.blocking(name(), "the message reads as '" + got + "' but the customer writes '"
          + want.get() + "'", 0, m.text().length(), "answer in '" + want.get() + "'"));
    }
  }

  /** A list of phrases that each produce a finding. */
  static class Phrases implements MessageCheck {
    private final String name;
    private final Level level;
    private final String what;
    private final PhraseSet phrases;
    private final String suggestion;

    Phrases(String name, Level level, String what, List<String> phrases, String suggestion) {
      this.name = name;
      this.level = level;
      this.what = what;
      this.phrases = new PhraseSet(phrases);
      this.suggestion = suggestion;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      List<Finding> out = new ArrayList<>();
      for (int[] hit : phrases.find(m.text())) {
        out.add(new Finding(name, level, what + ": '" + m.text().substring(hit[0], hit[1]) + "'", hit[0], hit[1],
            Optional.ofNullable(suggestion)));
      }
      return out;
    }
  }

  static final List<String> THREATS = List.of("legal action", "we will sue", "we'll sue", "you will regret",
      "you'll regret", "or else", "we will report you", "acciones legales", "medidas legales", "te vas a arrepentir",
      "os vais a arrepentir", "te denunciaremos", "le denunciaremos", "atente a las consecuencias");
  static final List<String> INSULTS = List.of("idiot", "idiots", "stupid", "moron", "ridiculous", "pathetic",
      "clueless", "dumb", "idiota", "estupido", "estupida", "imbecil", "ridiculo", "ridicula", "patetico", "tonto",
      "tonta", "inutil");
  static final List<String> ARGUMENTS = List.of("as we already told you", "as we told you", "as we already said",
      "as we said", "as previously stated", "calm down", "you are wrong", "you're wrong", "if you had read",
      "read the terms", "como ya te dijimos", "como ya te hemos dicho", "como ya le dijimos", "como ya dijimos",
      "como ya le hemos dicho", "calmate", "calmese", "tranquilizate", "tranquilicese", "estas equivocado",
      "esta equivocado", "no tienes razon", "si hubieras leido", "lee las condiciones");
  static final List<String> SARCASM = List.of("thanks for nothing", "good luck with that", "congratulations on",
      "obviously", "as if", "wow, really", "gracias por nada", "que sorpresa", "obviamente", "enhorabuena por",
      "suerte con eso", "faltaria mas");
  static final List<String> BLAME = List.of("your fault", "you should have", "user error", "not our fault",
      "not our problem", "you didn't read", "culpa tuya", "culpa suya", "deberias haber", "deberia haber",
      "no es culpa nuestra", "no es nuestro problema", "error suyo", "error tuyo");
  static final List<String> PROMISES = List.of("guaranteed", "we guarantee", "i promise", "we promise",
      "never happen again", "garantizado", "garantizada", "garantizamos", "te lo garantizo", "te prometo",
      "le prometo", "prometemos", "no volvera a pasar", "nunca volvera a ocurrir");

  static MessageCheck tone() {
    return new Combined("tone", List.of(
        new Phrases("tone", Level.BLOCKING, "threatening wording", THREATS, "never threaten a customer"),
        new Phrases("tone", Level.BLOCKING, "insulting wording", INSULTS, "remove it"),
        new Phrases("tone", Level.BLOCKING, "argumentative wording", ARGUMENTS,
            "acknowledge and offer the next step instead"),
        new Phrases("tone", Level.WARNING, "possibly sarcastic wording", SARCASM, "say it plainly")));
  }

  static MessageCheck forbidden(List<String> extra) {
    List<String> blame = new ArrayList<>(BLAME);
    blame.addAll(extra);
    return new Combined("forbidden", List.of(
        new Phrases("forbidden", Level.BLOCKING, "forbidden blame or promise", blame, "the playbook forbids it"),
        new Phrases("forbidden", Level.BLOCKING, "promise the brand may not keep", PROMISES,
            "promise only what the playbook allows")));
  }

  /** Several checks reported under one name. */
  static final class Combined implements MessageCheck {
    private final String name;
    private final List<MessageCheck> parts;

    Combined(String name, List<MessageCheck> parts) {
      this.name = name;
      this.parts = parts;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      List<Finding> out = new ArrayList<>();
      parts.forEach(p -> out.addAll(p.check(m)));
      return out;
    }
  }

  /** E-mail addresses, phone, card, IBAN, order and ID numbers, postal addresses in a public message. */
  static final class PersonalData implements MessageCheck {
    private final List<String> allowed;

    /** {@code allowed}: the domains of the allow-list (lower case), whose e-mail addresses are the brand's own. */
    PersonalData(List<String> allowed) {
      this.allowed = List.copyOf(allowed);
    }

    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** The separators written inside a number: space, no-break, narrow no-break, figure and thin space. */
    private static final String SPACES = " \\u00A0\\u202F\\u2007\\u2009";
    static final Pattern CARD = Pattern.compile("(?<![\\d.-])\\d(?:[" + SPACES + ".-]?\\d){12,18}(?![\\d])");
    // no "/" inside: it joins two numbers ("612 345 678 / 699 876 543"), hours ("9.00-14.00/16.00-20.00")
  // and sizes ("36/38/40") far more often than it splits one
  static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d" + SPACES + "().-]{7,}\\d(?!\\w)");
    /** A date (dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd), maybe with a time: never a phone. */
    static final Pattern DATE_TIME = Pattern.compile(
        "(?i)(?<![\\d+])(?:\\d{1,2}([-/.])\\d{1,2}\\1\\d{4}|\\d{4}([-/.])\\d{1,2}\\2\\d{1,2})(?![-/.]?\\d)"
            + "(?:,?[" + SPACES + "T]+(?:a las[" + SPACES + "]+|at[" + SPACES + "]+)?(?:[01]?\\d|2[0-3])[:.h][0-5]\\d"
            + "(?::[0-5]\\d)?(?!\\d))?");
    /** A country code, two check digits and 11 to 30 letters or digits, maybe in groups; see {@link #iban}. */
    static final Pattern IBAN = Pattern.compile(
        "(?i)(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?:[" + SPACES + "-]?[A-Z0-9]){11,30}");
    static final Pattern ORDER = Pattern.compile(
        "(?i)(?:\\b(?:order|pedido|orden|ref(?:erence|erencia)?|tracking|seguimiento|factura|invoice)\\s*"
            + "(?:#|n[º°o]\\.?|no\\.?|number|n[uú]mero|num\\.?)?\\s*:?\\s*|#)([A-Z]{0,4}-?\\d[A-Z0-9-]{4,})");
    static final Pattern ADDRESS = Pattern.compile(
        "(?i)\\b(?:calle|c/|avda\\.?|avenida|plaza|pza\\.?|paseo|camino|carrer)\\s+[\\p{L}' ]{2,40}?,?\\s*(?:n[º°o]\\.?\\s*)?\\d{1,4}"
            + "|\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Lane|Ln\\.?|Boulevard|Blvd\\.?|Drive|Dr\\.?)(?![a-z])");
    /**
     * A Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits and a letter), any case, the
     * letter joined, after a dash, or after a space when upper case; see {@link #controlLetterOk}.
     */
    static final Pattern NATIONAL_ID = Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:([XYZxyz])[" + SPACES + "-]?(\\d{7})|(\\d{8}))(?:-?([A-Za-z])|[" + SPACES + "]([A-Z]))"
            + "(?![\\p{L}\\p{N}])");
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    @Override
    public String name() {
      return "personal_data";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      String t = m.text();
      List<Finding> out = new ArrayList<>();
      boolean digits = t.chars().anyMatch(Character::isDigit);
      if (!digits && t.indexOf('@') < 0) {
        return out; // every pattern below needs a digit or an @
      }
      List<int[]> ibans = ibans(t);
      List<int[]> cards = new ArrayList<>();
      Matcher c = CARD.matcher(t);
      while (c.find()) {
        if (luhn(c.group()) && !overlaps(c.start(), c.end(), ibans)) {
          cards.add(new int[] {c.start(), c.end()});
          out.add(new Finding(name(), m.isPublic() ? Level.BLOCKING : Level.WARNING,
              "card number '" + mask(c.group()) + "'", c.start(), c.end(),
              Optional.of("never write card numbers in a message")));
        }
      }
      if (!m.isPublic()) {
        return out;
      }
      String move = "move the conversation to a private channel";
      if (t.indexOf('@') >= 0) {
        add(out, EMAIL, t, "e-mail address", move, cards, e -> !allowed(
            e.group().substring(e.group().indexOf('@') + 1).toLowerCase(Locale.ROOT), allowed));
      }
      if (!digits) {
        return out;
      }
      for (int[] s : ibans) {
        out.add(Finding.blocking(name(), "IBAN '" + t.substring(s[0], s[1]) + "' in a public message", s[0], s[1], move));
      }
      add(out, ORDER, t, "order or reference number", move, cards, x -> true);
      add(out, NATIONAL_ID, t, "ID document number", move, cards,
          x -> controlLetterOk(x) && !overlapsFindings(x.start(), x.end(), out));
      add(out, ADDRESS, t, "postal address", move, cards, x -> true);
      Matcher p = PHONE.matcher(withoutDates(t));
      while (p.find()) {
        long count = p.group().chars().filter(Character::isDigit).count();
        if (count >= 9 && count <= 15 && !overlaps(p.start(), p.end(), cards) && !overlapsFindings(p.start(), p.end(), out)) {
          out.add(Finding.blocking(name(), "phone number '" + p.group() + "'", p.start(), p.end(), move));
        }
      }
      return out;
    }

    /** {@code t} with each date (and the time after it) replaced by NULs, same length. */
    private static String withoutDates(String t) {
      Matcher d = DATE_TIME.matcher(t);
      if (!d.find()) {
        return t;
      }
      char[] cs = t.toCharArray();
      do {
        java.util.Arrays.fill(cs, d.start(), d.end(), '\0');
      } while (d.find());
      return new String(cs);
    }

    /** The spans of the IBANs of {@code t} whose mod-97 checksum is right. */
    static List<int[]> ibans(String t) {
      List<int[]> out = new ArrayList<>();
      Matcher x = IBAN.matcher(t);
      int from = 0;
      while (from < t.length() && x.find(from)) {
        int end = x.end();
        // the longest candidate ending at a word boundary with a valid checksum ("… 1332 y" tries "… 1332")
        while (end - x.start() >= 15
            && (end < t.length() && Character.isLetterOrDigit(t.charAt(end)) || !ibanOk(t.substring(x.start(), end)))) {
          end--;
        }
        if (end - x.start() >= 15) {
          out.add(new int[] {x.start(), end});
          from = end;
        } else {
          from = x.start() + 1;
        }
      }
      return out;
    }

    /** ISO 13616: 15 to 34 letters and digits, the first four moved to the end, letters as 10-35, mod 97 is 1. */
    static boolean ibanOk(String s) {
      StringBuilder b = new StringBuilder(34);
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (Character.isLetterOrDigit(ch)) {
          b.append(Character.toUpperCase(ch));
        }
      }
      if (b.length() < 15 || b.length() > 34 || !Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
        return false;
      }
      String r = b.substring(4) + b.substring(0, 4);
      int mod = 0;
      for (int i = 0; i < r.length(); i++) {
        int v = Character.digit(r.charAt(i), 36);
        if (v < 0) {
          return false;
        }
        mod = (v < 10 ? mod * 10 + v : mod * 100 + v) % 97;
      }
      return mod == 1;
    }

    /** The DNI/NIE letter: the number (X, Y, Z as 0, 1, 2) mod 23 indexes "TRWAGMYFPDXBNJZSQVHLCKE". */
    private static boolean controlLetterOk(Matcher id) {
      String prefix = id.group(1);
      String letter = id.group(4) != null ? id.group(4) : id.group(5);
      String number = prefix == null ? id.group(3)
          : "XYZ".indexOf(Character.toUpperCase(prefix.charAt(0))) + id.group(2);
      return DNI_LETTERS.charAt(Integer.parseInt(number) % 23) == Character.toUpperCase(letter.charAt(0));
    }

    /** Adds a finding for each match of {@code pattern} in {@code t} outside a card number that {@code keep} accepts. */
    private void add(List<Finding> out, Pattern pattern, String t, String what, String move, List<int[]> cards,
        Predicate<Matcher> keep) {
      Matcher x = pattern.matcher(t);
      while (x.find()) {
        if (!overlaps(x.start(), x.end(), cards) && keep.test(x)) {
          out.add(Finding.blocking(name(), what + " '" + x.group() + "' in a public message", x.start(), x.end(), move));
        }
      }
    }

    private static boolean overlaps(int s, int e, List<int[]> spans) {
      return spans.stream().anyMatch(x -> s < x[1] && x[0] < e);
    }

    private static boolean overlapsFindings(int s, int e, List<Finding> fs) {
      return fs.stream().anyMatch(f -> s < f.end() && f.start() < e);
    }

    static boolean luhn(String number) {
      String d = number.replaceAll("\\D", "");
      if (d.length() < 13 || d.length() > 19) {
        return false;
      }
      int sum = 0;
      boolean dbl = false;
      for (int i = d.length() - 1; i >= 0; i--) {
        int n = d.charAt(i) - '0';
        if (dbl) {
          n *= 2;
          if (n > 9) {
            n -= 9;
          }
        }
        sum += n;
        dbl = !dbl;
      }
      return sum % 10 == 0;
    }

    private static String mask(String card) {
      String d = card.replaceAll("\\D", "");
      return "…" + d.substring(d.length() - 4);
    }
  }

  /** A public answer to a complaint must apologise and say what happens next. */
  static final class Acknowledgement implements MessageCheck {
    static final PhraseSet APOLOGY = new PhraseSet(List.of("sorry", "apologise", "apologize", "apologies",
        "we regret", "lamentamos", "lamento", "sentimos", "siento", "disculpa", "disculpas", "disculpe", "perdon",
        "perdona", "perdone"));
    static final PhraseSet NEXT_STEP = new PhraseSet(List.of("dm", "direct message", "private message",
        "message you", "contact you", "call you", "we'll", "we will", "looking into", "investigating", "follow up",
        "send us", "write to us", "get back to you", "mensaje privado", "md", "por privado", "te escribimos",
        "le escribimos", "te contactamos", "le contactamos", "te llamamos", "le llamamos", "revisamos", "revisando",
        "escribenos", "escribanos", "envianos", "te contamos", "investigando", "en contacto"));

    @Override
    public String name() {
      return "acknowledgement";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      if (m.intent().orElse(Intent.NEUTRAL) != Intent.COMPLAINT || !m.isPublic()) {
        return List.of();
      }
      boolean apology = APOLOGY.any(m.text());
      boolean next = NEXT_STEP.any(m.text());
      if (apology && next) {
        return List.of();
      }
      if (!apology && !next) {
        return List.of(Finding.blocking(name(), "a complaint acknowledgement with neither an apology nor a next step",
            0, 0, "apologise and say what happens next (for example: we'll message you privately)"));
      }
      return List.of(Finding.warning(name(), apology ? "no next step for the customer" : "no apology",
          0, 0, apology ? "say what happens next" : "apologise for the trouble"));
    }
  }

  /** Links to domains not on the allow-list. */
  static final class LinksAllowed implements MessageCheck {
    private final List<String> allowed;

    /** {@code allowed}: the allowed domains, lower case. */
    LinksAllowed(List<String> allowed) {
      this.allowed = List.copyOf(allowed);
    }

    @Override
    public String name() {
      return "link";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      List<Finding> out = new ArrayList<>();
      for (Links.Link x : Links.find(m.text())) {
        if (!x.schemed() && x.start() > 0 && m.text().charAt(x.start() - 1) == '@') {
          continue; // the domain of an e-mail address
        }
        String host = x.host();
        if (!allowed(host, allowed)) {
          out.add(Finding.blocking(name(), "link to '" + host + "' is not on the allow-list " + allowed,
              x.start(), x.end(), "link only to " + (allowed.isEmpty() ? "nothing: no domain is allowed" : allowed)));
        }
      }
      return out;
    }
  }

  /** True when {@code host} (lower case) is one of {@code allowed} (lower case) or a subdomain of one. */
  static boolean allowed(String host, List<String> allowed) {
    return allowed.stream().anyMatch(a -> host.equals(a) || host.endsWith("." + a));
  }

  /** Characters the network refuses. */
  static final class Characters implements MessageCheck {
    private final NetworkRules rules;

    Characters(NetworkRules rules) {
      this.rules = rules;
    }

    @Override
    public String name() {
      return "characters";
    }

    @Override
    public List<Finding> check(OutgoingMessage m) {
      List<Finding> out = new ArrayList<>();
      String t = m.text();
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        int n = Character.charCount(cp);
        if (rules.rejects(cp)) {
          out.add(Finding.blocking(name(), String.format(Locale.ROOT, "%s rejects the character U+%04X",
              rules.network(), cp), i, i + n, "remove it"));
        }
        i += n;
      }
      return out;
    }
  }
}
