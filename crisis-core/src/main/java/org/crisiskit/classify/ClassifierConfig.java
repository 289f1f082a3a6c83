package org.crisiskit.classify;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the default classifier: extra complaint/question topics a playbook defines, with
 * their keywords per language.
 *
 * <pre>{@code
 * ClassifierConfig config = ClassifierConfig.custom()
 *     .extraTopic("roaming", Map.of(
 *         "en", List.of("roaming", "abroad", "data abroad"),
 *         "es", List.of("roaming", "itinerancia", "en el extranjero")))
 *     .build();
 * Classifier classifier = Classifiers.create(config);
 * }</pre>
 *
 * <p>Keywords are matched like the built-in ones: case and accents folded, phrases of up to four
 * words. ñ folds to n too ("año" and "ano" match each other), except in the few words where it tells
 * two words apart: "peña", "moño", "uña", "cañón" and their forms match only with their ñ, so that
 * "peña" is not "pena". Immutable and thread-safe.
 */
public final class ClassifierConfig {
  private static final ClassifierConfig DEFAULTS = custom().build();

  private final Map<String, Map<String, List<String>>> extraTopics;

  private ClassifierConfig(Builder b) {
    Map<String, Map<String, List<String>>> m = new LinkedHashMap<>();
    b.extraTopics.forEach((t, byLang) -> {
      Map<String, List<String>> l = new LinkedHashMap<>();
      byLang.forEach((lang, words) -> l.put(lang, List.copyOf(words)));
      m.put(t, java.util.Collections.unmodifiableMap(l));
    });
    this.extraTopics = java.util.Collections.unmodifiableMap(m);
  }

  /** The built-in lexicons and topics only. */
  public static ClassifierConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(ClassifierConfig base) {
    Builder b = new Builder();
    b.extraTopics.putAll(base.extraTopics);
    return b;
  }

  /** Topic name → language code → keywords; the built-in topics are not listed here. */
  public Map<String, Map<String, List<String>>> extraTopics() {
    return extraTopics;
  }

  /** Builds {@link ClassifierConfig}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Map<String, List<String>>> extraTopics = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a topic (or more keywords for a built-in one) with keywords per language code. Keywords
     * given for English ({@code "en"}, {@code "en-GB"}) match only in texts classified as English,
     * those for Spanish ({@code "es"}, {@code "es-MX"}) only in Spanish ones; keywords under any other
     * code ({@code "both"}, {@code "fr"}) match in every text, and texts of other or undetermined
     * language ({@code "und"}) match the keywords of every language.
     *
     * @throws IllegalArgumentException if the topic name is blank or not {@code [a-z0-9_]+}
     */
    public Builder extraTopic(String topic, Map<String, List<String>> keywordsByLanguage) {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(keywordsByLanguage, "keywordsByLanguage");
      checkArgument(topic.matches("[a-z0-9_]+"),
          "topic must match [a-z0-9_]+ (for example 'roaming') but was '%s'", topic);
      Map<String, List<String>> merged = new LinkedHashMap<>(extraTopics.getOrDefault(topic, Map.of()));
      keywordsByLanguage.forEach((lang, words) -> {
        Objects.requireNonNull(words, "keywords of " + topic + "/" + lang);
        List<String> all = new java.util.ArrayList<>(merged.getOrDefault(lang, List.of()));
        for (String w : words) {
          checkArgument(w != null && !w.isBlank(), "topic %s/%s: keywords must not be blank", topic, lang);
          all.add(w);
        }
        merged.put(lang, all);
      });
      extraTopics.put(topic, merged);
      return this;
    }

    /** Adds several topics at once: topic → language → keywords. */
    public Builder extraTopics(Map<String, Map<String, List<String>>> topics) {
      topics.forEach(this::extraTopic);
      return this;
    }

    public ClassifierConfig build() {
      checkArgument(Topics.BUILT_IN.size() + extraTopics.keySet().stream()
              .filter(t -> !Topics.BUILT_IN.contains(t)).count() <= Lexicon.MAX_TOPICS,
          "at most %s topics (built-in included) are supported", Lexicon.MAX_TOPICS);
      return new ClassifierConfig(this);
    }
  }
}
