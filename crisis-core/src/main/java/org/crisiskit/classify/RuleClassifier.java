package org.crisiskit.classify;

import java.util.Optional;

/**
 * The default engine behind {@link Classifiers#defaultClassifier()}. Thread-safe: each thread
 * classifies in its own {@link Analysis} (scratch arrays, no cache memory), and all threads share
 * the lexicon's lock-free {@link WordCache}, which changes no result.
 */
final class RuleClassifier implements Classifier {
  private static final ThreadLocal<Analysis> SCRATCH = ThreadLocal.withInitial(() -> new Analysis(false));

  final RuleEngine engine;

  RuleClassifier(Lexicon lexicon) {
    this.engine = new RuleEngine(lexicon);
  }

  @Override
  public Classification classify(String text, Optional<String> lang) {
    Analysis a = SCRATCH.get();
    engine.analyze(text == null ? "" : text, lang == null ? Optional.empty() : lang, a);
    return engine.decide(a);
  }

  /** Runs the analysis only, leaving its result in the calling thread's scratch state. */
  Analysis analyze(String text, Optional<String> lang) {
    Analysis a = SCRATCH.get();
    engine.analyze(text == null ? "" : text, lang == null ? Optional.empty() : lang, a);
    return a;
  }

  @Override
  public String toString() {
    return "RuleClassifier";
  }
}
