package org.crisiskit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.Classifiers;

/** Resolves the {@code --model FILE} option shared by the classifier commands. */
final class ModelFiles {
  /** {@code --model bundled}: the model shipped in the library. */
  static final String BUNDLED = "bundled";

  private ModelFiles() {}

  static Classifier classifier(Optional<String> model) throws IOException {
    if (model.isEmpty()) {
      return Classifiers.defaultClassifier();
    }
    if (model.get().equals(BUNDLED)) {
      return Classifiers.bundledModel();
    }
    Path p = Path.of(model.get());
    if (Files.isDirectory(p)) {
      throw new IOException(p + ": is a directory, not a model file");
    }
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(p.toString(), null, "no such model file");
    }
    return Classifiers.loadModel(p);
  }
}
