package org.crisiskit.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisiskit.cases.CaseConfig;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;

/**
 * The crisis manual as data: who answers what, with which words, what is never answered, who is
 * told, how praise is thanked and when to follow up. Load one with {@link PlaybookJson}, take the
 * bilingual {@link #sample()}, or build one in Java:
 *
 * <pre>{@code
 * Playbook p = Playbook.newBuilder()
 *     .brand("Acme").languages("es", "en").defaultDepartment("customer_care")
 *     .template(Template.of("complaint-es", Intent.COMPLAINT, "es",
 *         "{author} sentimos lo ocurrido. Te escribimos por mensaje privado para resolverlo."))
 *     .route(RouteRule.of(When.any().topic(Topics.DELIVERY), "logistics"))
 *     .escalation(new EscalationRule(When.any().crisisSeverityAtLeast(7), "management", true, "crisis"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; never contains nulls. Rules are evaluated in the order given.
 */
public final class Playbook {
  /** Department that receives escalations when a rule names none. */
  public static final String MANAGEMENT = "management";

  private static final String SAMPLE = "sample-playbook.json";

  private final String name;
  private final String brand;
  private final List<String> languages;
  private final String defaultDepartment;
  private final Set<String> topics;
  private final List<Template> templates;
  private final List<Fact> facts;
  private final List<NeverAnswerRule> neverAnswer;
  private final List<RouteRule> routes;
  private final List<EscalationRule> escalations;
  private final ThankYouPolicy thankYou;
  private final Duration followUpDelay;
  private final boolean publicOutcomeRequired;
  private final List<String> forbiddenPhrases;
  private final List<String> allowedLinks;
  private final Map<String, Map<String, String>> departmentNames;

  private Playbook(Builder b) {
    this.name = b.name;
    this.brand = b.brand;
    this.languages = List.copyOf(b.languages);
    this.defaultDepartment = b.defaultDepartment;
    this.topics = Set.copyOf(b.topics);
    this.templates = List.copyOf(b.templates);
    this.facts = List.copyOf(b.facts);
    this.neverAnswer = List.copyOf(b.neverAnswer);
    this.routes = List.copyOf(b.routes);
    this.escalations = List.copyOf(b.escalations);
    this.thankYou = b.thankYou;
    this.followUpDelay = b.followUpDelay;
    this.publicOutcomeRequired = b.publicOutcomeRequired;
    this.forbiddenPhrases = List.copyOf(b.forbiddenPhrases);
    this.allowedLinks = List.copyOf(b.allowedLinks);
    Map<String, Map<String, String>> names = new java.util.LinkedHashMap<>();
    b.departmentNames.forEach((d, m) -> names.put(d, Map.copyOf(m)));
    this.departmentNames = java.util.Collections.unmodifiableMap(names);
  }

  /** A builder with the defaults: department {@code customer_care}, languages es and en, follow-up after 48 h. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder holding this playbook's contents. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The bilingual (Spanish and English) sample playbook shipped in the jar; also in the repository as
   * {@code samples/playbook.json}. A sensible default for a first run.
   */
  public static Playbook sample() {
    try (InputStream in = Playbook.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the sample playbook is missing from the class path");
      }
      return PlaybookJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + SAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short name for the playbook. */
  public String name() {
    return name;
  }

  /** The brand's name, for the {@code {brand}} placeholder. */
  public String brand() {
    return brand;
  }

  /** The languages the brand answers in, the first being the default. Never empty. */
  public List<String> languages() {
    return languages;
  }

  /** The language used when the customer's is not one of {@link #languages()}. */
  public String defaultLanguage() {
    return languages.get(0);
  }

  /** The department that owns a case no route matches. */
  public String defaultDepartment() {
    return defaultDepartment;
  }

  /** The playbook's own topics, beyond {@link Topics#BUILT_IN}. */
  public Set<String> topics() {
    return topics;
  }

  /** Every topic rules may name: the built-in ones and the playbook's own. */
  public Set<String> knownTopics() {
    Set<String> s = new LinkedHashSet<>(Topics.BUILT_IN);
    s.addAll(topics);
    return s;
  }

  public List<Template> templates() {
    return templates;
  }

  /** Counter-arguments and facts per topic, for agents. */
  public List<Fact> facts() {
    return facts;
  }

  public List<NeverAnswerRule> neverAnswer() {
    return neverAnswer;
  }

  public List<RouteRule> routes() {
    return routes;
  }

  public List<EscalationRule> escalations() {
    return escalations;
  }

  public ThankYouPolicy thankYou() {
    return thankYou;
  }

  /** How long after resolution the customer is contacted again. */
  public Duration followUpDelay() {
    return followUpDelay;
  }

  /** Whether a resolved case must publish its outcome before closing. */
  public boolean publicOutcomeRequired() {
    return publicOutcomeRequired;
  }

  /** Blame and promises no message may contain, beyond the built-in ones of the message checks. */
  public List<String> forbiddenPhrases() {
    return forbiddenPhrases;
  }

  /** Domains links in messages may point to (subdomains included). Empty: no link is allowed. */
  public List<String> allowedLinks() {
    return allowedLinks;
  }

  /** Display names of departments per language, for the {@code {department}} placeholder. */
  public Map<String, Map<String, String>> departmentNames() {
    return departmentNames;
  }

  /** How {@code department} is called in {@code lang}: its display name, else its id. */
  public String departmentName(String department, String lang) {
    return departmentNames.getOrDefault(department, Map.of()).getOrDefault(lang, department);
  }

  /** {@code base} with this playbook's {@link #publicOutcomeRequired()}. */
  public CaseConfig caseConfig(CaseConfig base) {
    return CaseConfig.from(base).publicOutcomeRequired(publicOutcomeRequired).build();
  }

  /** {@code base} with this playbook's {@link #followUpDelay()}. */
  public org.crisiskit.sla.SlaPolicy slaPolicy(org.crisiskit.sla.SlaPolicy base) {
    return org.crisiskit.sla.SlaPolicy.from(base).followUpDelay(followUpDelay).build();
  }

  /** The first route matching {@code in}, or a route to the default department. Total. */
  public RouteRule route(TriageInput in) {
    for (RouteRule r : routes) {
      if (r.when().matches(in)) {
        return r;
      }
    }
    return RouteRule.of(When.any(), defaultDepartment);
  }

  /** The first never-answer rule matching {@code in}, if any. */
  public Optional<NeverAnswerRule> neverAnswer(TriageInput in) {
    return neverAnswer.stream().filter(r -> r.matches(in)).findFirst();
  }

  /** Every escalation rule matching {@code in}, in order. */
  public List<EscalationRule> escalations(TriageInput in) {
    return escalations.stream().filter(r -> r.when().matches(in)).collect(Collectors.toList());
  }

  /** The facts on any of {@code topicsOfCase} in {@code lang}. */
  public List<Fact> facts(Collection<String> topicsOfCase, String lang) {
    return facts.stream().filter(f -> topicsOfCase.contains(f.topic()) && f.lang().equals(lang))
        .collect(Collectors.toList());
  }

  /**
   * The most specific template for an intent, topics, severity and language: only templates in
   * {@code lang} (or, when there are none, in the default language) whose intent, topic and severity
   * fit; among those, one for the highest severity wins (a crisis tone beats a topic), then one naming
   * a topic, then one naming the intent, then the first declared.
   */
  public Optional<Template> template(Intent intent, Collection<String> caseTopics, Severity severity, String lang) {
    Optional<Template> t = bestTemplate(intent, caseTopics, severity, lang);
    return t.isPresent() ? t : bestTemplate(intent, caseTopics, severity, defaultLanguage());
  }

  private Optional<Template> bestTemplate(Intent intent, Collection<String> caseTopics, Severity severity, String lang) {
    List<Template> fit = new ArrayList<>();
    for (Template t : templates) {
      if (!t.lang().equals(lang)
          || t.intent().map(i -> i != intent).orElse(false)
          || t.topic().map(x -> !caseTopics.contains(x)).orElse(false)
          || t.severity().map(s -> severity.compareTo(s) < 0).orElse(false)) {
        continue;
      }
      fit.add(t);
    }
    Comparator<Template> bySpecificity = Comparator
        .comparing((Template t) -> t.severity().map(s -> -s.ordinal()).orElse(1))
        .thenComparing(t -> t.topic().isPresent() ? 0 : 1)
        .thenComparing(t -> t.intent().isPresent() ? 0 : 1);
    return fit.stream().min(bySpecificity); // stable: the first declared among equals
  }

  @Override
  public String toString() {
    return "Playbook{" + name + ", " + templates.size() + " templates, " + routes.size() + " routes, "
        + escalations.size() + " escalations}";
  }

  /** Builds a {@link Playbook}. Not thread-safe. */
  public static final class Builder {
    private String name = "playbook";
    private String brand = "";
    private List<String> languages = new ArrayList<>(List.of("es", "en"));
    private String defaultDepartment = "customer_care";
    private final Set<String> topics = new LinkedHashSet<>();
    private final List<Template> templates = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private final List<NeverAnswerRule> neverAnswer = new ArrayList<>();
    private final List<RouteRule> routes = new ArrayList<>();
    private final List<EscalationRule> escalations = new ArrayList<>();
    private ThankYouPolicy thankYou = ThankYouPolicy.REPLY;
    private Duration followUpDelay = Duration.ofHours(48);
    private boolean publicOutcomeRequired = true;
    private final List<String> forbiddenPhrases = new ArrayList<>();
    private final List<String> allowedLinks = new ArrayList<>();
    private final Map<String, Map<String, String>> departmentNames = new java.util.LinkedHashMap<>();

    private Builder() {}

    private Builder(Playbook p) {
      name = p.name;
      brand = p.brand;
      languages = new ArrayList<>(p.languages);
      defaultDepartment = p.defaultDepartment;
      topics.addAll(p.topics);
      templates.addAll(p.templates);
      facts.addAll(p.facts);
      neverAnswer.addAll(p.neverAnswer);
      routes.addAll(p.routes);
      escalations.addAll(p.escalations);
      thankYou = p.thankYou;
      followUpDelay = p.followUpDelay;
      publicOutcomeRequired = p.publicOutcomeRequired;
      forbiddenPhrases.addAll(p.forbiddenPhrases);
      allowedLinks.addAll(p.allowedLinks);
      p.departmentNames.forEach((d, m) -> departmentNames.put(d, new java.util.LinkedHashMap<>(m)));
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder brand(String brand) {
      this.brand = Objects.requireNonNull(brand, "brand");
      return this;
    }

    /** The languages answered in, default first; at least one. */
    public Builder languages(String... langs) {
      if (langs.length == 0) {
        throw new IllegalArgumentException("languages must name at least one language");
      }
      this.languages = new ArrayList<>(List.of(langs));
      return this;
    }

    public Builder defaultDepartment(String department) {
      Objects.requireNonNull(department, "defaultDepartment");
      if (department.isBlank()) {
        throw new IllegalArgumentException("defaultDepartment must not be blank");
      }
      this.defaultDepartment = department;
      return this;
    }

    /** Declares topics of the playbook's own, beyond the built-in ones. */
    public Builder topic(String... more) {
      topics.addAll(List.of(more));
      return this;
    }

    public Builder template(Template t) {
      templates.add(Objects.requireNonNull(t, "template"));
      return this;
    }

    public Builder fact(Fact f) {
      facts.add(Objects.requireNonNull(f, "fact"));
      return this;
    }

    public Builder neverAnswer(NeverAnswerRule r) {
      neverAnswer.add(Objects.requireNonNull(r, "rule"));
      return this;
    }

    public Builder route(RouteRule r) {
      routes.add(Objects.requireNonNull(r, "route"));
      return this;
    }

    public Builder escalation(EscalationRule r) {
      escalations.add(Objects.requireNonNull(r, "escalation"));
      return this;
    }

    public Builder thankYou(ThankYouPolicy p) {
      this.thankYou = Objects.requireNonNull(p, "thankYou");
      return this;
    }

    /** Delay between resolution and follow-up; must be positive. */
    public Builder followUpDelay(Duration d) {
      Objects.requireNonNull(d, "followUpDelay");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("followUpDelay must be > 0 but was " + d);
      }
      this.followUpDelay = d;
      return this;
    }

    public Builder publicOutcomeRequired(boolean required) {
      this.publicOutcomeRequired = required;
      return this;
    }

    public Builder forbiddenPhrase(String... phrases) {
      forbiddenPhrases.addAll(List.of(phrases));
      return this;
    }

    /** Names {@code department} as {@code name} in {@code lang} (for {@code {department}}). */
    public Builder departmentName(String department, String lang, String name) {
      departmentNames.computeIfAbsent(Objects.requireNonNull(department, "department"), k -> new java.util.LinkedHashMap<>())
          .put(Objects.requireNonNull(lang, "lang"), Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Allows links to these domains (and their subdomains), such as {@code acme.es}; {@link #build()}
     * rejects a URL, a path or a wildcard.
     */
    public Builder allowLink(String... domains) {
      allowedLinks.addAll(List.of(domains));
      return this;
    }

    /** The playbook without cross-reference validation, for the JSON reader that reports problems itself. */
    Playbook buildUnchecked() {
      return new Playbook(this);
    }

    /**
     * Returns the playbook.
     *
     * @throws IllegalArgumentException when a rule names an unknown topic, a template has blank text
     *     or uses an unknown placeholder or one the playbook gives no value ({@code {brand}} without a
     *     brand, {@code {reward_code}} without a reward code), or an allowed link is not a domain; the
     *     message names it
     */
    public Playbook build() {
      Playbook p = new Playbook(this);
      List<PlaybookProblem> problems = PlaybookValidator.validate(p);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(problems.stream().map(PlaybookProblem::message)
            .collect(Collectors.joining("; ")));
      }
      return p;
    }
  }
}
