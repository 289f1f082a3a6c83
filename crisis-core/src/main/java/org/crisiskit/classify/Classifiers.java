package org.crisiskit.classify;

/**
 * Creates classifiers: the default rule engine, which needs no training, and engines loaded from a
 * model file trained with {@link ClassifierTraining}.
 *
 * <pre>{@code
 * Classifier c = Classifiers.defaultClassifier();
 * Classification r = c.classify("@acme still no refund, please help", Optional.empty());
 * // r.intent() == COMPLAINT, r.topics() contains "billing"
 * }</pre>
 *
 * All classifiers returned are immutable, thread-safe, deterministic and total.
 */
public final class Classifiers {
  private static volatile Classifier defaults;

  private Classifiers() {}

  /**
   * The rule engine with the built-in lexicons (English VADER, Spanish AFINN/SentiCon, Crisis Kit
   * cue lists). Shared instance; the lexicons load on the first call (about 0.2 s).
   */
  public static Classifier defaultClassifier() {
    Classifier c = defaults;
    if (c == null) {
      c = new RuleClassifier(Lexicon.defaults());
      defaults = c;
    }
    return c;
  }

  /** The rule engine with a playbook's extra topics. */
  public static Classifier create(ClassifierConfig config) {
    if (config.extraTopics().isEmpty()) {
      return defaultClassifier();
    }
    return new RuleClassifier(new Lexicon(config.extraTopics()));
  }

  /**
   * Loads a model file written by {@code ./crisis train} or {@link ClassifierModel#writeTo} and
   * returns its classifier.
   *
   * @throws ModelFormatException if the file is not a model, is truncated or has another version
   * @throws java.io.IOException if the file cannot be read
   */
  public static Classifier loadModel(java.nio.file.Path file) throws java.io.IOException {
    return ClassifierModel.readFrom(file).classifier();
  }
}
