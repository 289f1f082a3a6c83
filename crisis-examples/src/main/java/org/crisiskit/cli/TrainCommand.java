package org.crisiskit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisiskit.classify.ClassifierModel;
import org.crisiskit.classify.ClassifierTraining;
import org.crisiskit.classify.LabelledText;

/** {@code ./crisis train --in LABELLED.jsonl --out MODEL}: trains the linear classifier. */
final class TrainCommand implements CliCommand {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train the linear classifier on labelled JSONL and write a model file";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis train --in LABELLED.jsonl[,MORE.jsonl...] --out MODEL",
        "  --in FILES   one {\"text\", \"lang\"?, \"polarity\"?, \"intent\"?, \"abusive\"?} a line;",
        "               several files separated by commas are concatenated",
        "  --out MODEL  the model file to write (versioned binary; load with --model)");
  }

  @Override
  public int run(Args args, Io io) throws IOException {
    String in = args.required("in");
    Path out = Path.of(args.required("out"));
    args.checkAllUsed();
    args.checkNoPositional();
    // before training, so a bad --out does not waste it
    if (Files.isDirectory(out)) {
      throw new UsageException("--out " + out + ": is a directory; give the model file to write");
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UsageException("--out " + out + ": cannot create its directory " + dir + " (" + e + ")");
      }
    }
    if (Files.exists(out) ? !Files.isWritable(out) : dir != null && !Files.isWritable(dir)) {
      throw new UsageException("--out " + out + ": cannot write " + (Files.exists(out) ? "the file" : "in " + dir));
    }
    List<LabelledText> examples = new ArrayList<>();
    for (String f : in.split(",")) {
      Path p = Path.of(f.trim());
      examples.addAll(LabelledJsonl.examples(p, LabelledJsonl.read(p)));
    }
    ClassifierModel model = ClassifierTraining.train(examples);
    model.writeTo(out);
    io.out().println("trained " + String.join(", ", model.labels()) + " on " + examples.size()
        + " examples; wrote " + out + " (" + Files.size(out) + " bytes)");
    return 0;
  }
}
