/**
 * Mention classification: intent, polarity, abuse, sensitive topics, complaint topics and warning
 * flags, in Spanish and English, with the cues that decided. Entry point:
 * {@link org.crisiskit.classify.Classifiers}.
 *
 * <pre>{@code
 * Classifier rules = Classifiers.defaultClassifier();          // no training, fastest
 * Classifier bundled = Classifiers.bundledModel();             // + shipped polarity model
 * Classifier custom = Classifiers.create(ClassifierConfig.custom()
 *     .extraTopic("roaming", Map.of("en", List.of("roaming"), "es", List.of("itinerancia")))
 *     .build());
 * Classifier trained = Classifiers.loadModel(Path.of("model.ckm")); // from ./crisis train
 * Classification c = rules.classify("@acme still no refund, please help", Optional.empty());
 * }</pre>
 *
 * <p>Trainable engine: {@link org.crisiskit.classify.ClassifierTraining} turns
 * {@link org.crisiskit.classify.LabelledText}s into a {@link org.crisiskit.classify.ClassifierModel},
 * which is written and read in a versioned binary form ({@link
 * org.crisiskit.classify.ModelFormatException} for bad files). Every classifier is thread-safe,
 * deterministic and total, and its results never change. Classifiers built on one lexicon (those of
 * {@link org.crisiskit.classify.Classifiers#defaultClassifier()}, for one) share one lock-free cache
 * of recently read words (about 1.9 MB, whatever the number of threads); each classifying thread
 * keeps about 83 KB of scratch arrays.
 */
package org.crisiskit.classify;
