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
  private static volatile Classifier bundled;

  /** Class-path resource of the bundled model (next to this class). */
  static final String BUNDLED_MODEL = "bundled-model.ckm";

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

  /**
   * The rule engine with a playbook's extra topics. Each call builds its own lexicon and its own
   * cache of recently read words (about 1.9 MB, shared by the threads that use it): create one per
   * configuration and share it, as it is thread-safe.
   */
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

  /**
   * The rule engine plus the bundled linear model, which decides polarity and sentiment. The
   * bundled model is trained only on data that may be redistributed: the 4,200 crowd-rated tweets of
   * VADER (Hutto and Gilbert 2014, MIT). More accurate on general tweets than the rules alone, and
   * slower (see README). Shared instance; loads on the first call.
   */
  public static Classifier bundledModel() {
    Classifier c = bundled;
    if (c == null) {
      try (java.io.InputStream in = Classifiers.class.getResourceAsStream(BUNDLED_MODEL)) {
        if (in == null) {
          throw new IllegalStateException("classifier resource missing from the class path: " + BUNDLED_MODEL);
        }
        c = ClassifierModel.readFrom(new java.io.BufferedInputStream(in)).classifier();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      bundled = c;
    }
    return c;
  }
}
