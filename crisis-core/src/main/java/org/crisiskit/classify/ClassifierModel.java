package org.crisiskit.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A trained linear model: for each label ({@code polarity}, {@code intent}, {@code abusive}) one
 * weight vector per class over hashed features. Made by {@link ClassifierTraining}, saved with
 * {@link #writeTo}, loaded with {@link #readFrom}; {@link #classifier()} puts it to work.
 *
 * <p>File format (version {@value #VERSION}): the magic bytes {@code CKCM}, a big-endian int
 * version, then a deflate stream holding the feature-space size, the labels with their classes, each
 * label's weight scale (a float) and its non-zero weights as 16-bit multiples of that scale, and an end
 * marker. Immutable and thread-safe.
 */
public final class ClassifierModel {
  /** Version written by this release; other versions are rejected. */
  public static final int VERSION = 4;
  static final byte[] MAGIC = {'C', 'K', 'C', 'M'};
  private static final int END = 0x454e4421;
  /** The labels a model may have, each at most once. */
  private static final List<String> LABELS =
      List.of(ClassifierTraining.POLARITY, ClassifierTraining.INTENT, ClassifierTraining.ABUSIVE);

  final Map<String, Head> heads;
  private final int examples;

  ClassifierModel(Map<String, Head> heads, int examples) {
    this.heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    this.examples = examples;
  }

  /** One label's classes and weights. */
  static final class Head {
    final String label;
    final String[] classes;
    /**
     * Weights quantised to 16 bits and interleaved by feature: the weight of class c for feature f is
     * {@code q[f * classes + c] * scale}. Half the memory of floats, so the table stays in a nearer cache.
     */
    final short[] q;
    final float scale;

    Head(String label, String[] classes, short[] q, float scale) {
      this.label = label;
      this.classes = classes;
      this.q = q;
      this.scale = scale;
    }

    /**
     * Quantises trained weights ({@code w[feature * classes + class]}) to the nearest of 65,535 steps.
     * Weights too small for a normal float scale count as zero.
     *
     * @throws IllegalStateException if a weight is not finite (training diverged)
     */
    static Head quantise(String label, String[] classes, float[] w) {
      double max = 0;
      for (float x : w) {
        if (!Float.isFinite(x)) {
          throw new IllegalStateException("training produced a non-finite weight (" + x + ") for label " + label
              + "; lower the step size or the feature values");
        }
        max = Math.max(max, Math.abs(x));
      }
      float scale = (float) (max / Short.MAX_VALUE);
      if (scale < Float.MIN_NORMAL) {
        return new Head(label, classes, new short[w.length], 1); // all zeros, at every scale
      }
      short[] q = new short[w.length];
      for (int i = 0; i < w.length; i++) {
        q[i] = (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(w[i] / scale)));
      }
      return new Head(label, classes, q, scale);
    }

    float weight(int cls, int feature) {
      return q[feature * classes.length + cls] * scale;
    }

    int predict(int[] idx, float[] val, int n, double[] scores) {
      int k = classes.length;
      for (int c = 0; c < k; c++) {
        scores[c] = 0;
      }
      for (int i = 0; i < n; i++) {
        int base = idx[i] * k;
        float v = val[i] * scale;
        for (int c = 0; c < k; c++) {
          scores[c] += q[base + c] * v;
        }
      }
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (scores[c] > scores[best]) {
          best = c;
        }
      }
      return best;
    }
  }

  /** The labels this model predicts, in file order. */
  public List<String> labels() {
    return List.copyOf(heads.keySet());
  }

  /** How many examples it was trained on. */
  public int examples() {
    return examples;
  }

  /**
   * A classifier that uses this model for its labels and the default rule engine for the rest. Each
   * call builds a new classifier with its own packed weights (about 1.5 MB for three heads) and, per
   * thread that uses it, about 40 KB of scratch: build it once and share it.
   */
  public Classifier classifier() {
    return new LinearClassifier(this, Lexicon.defaults());
  }

  /** A classifier with this model and a playbook's extra topics; as {@link #classifier()}, build it once. */
  public Classifier classifier(ClassifierConfig config) {
    return new LinearClassifier(this,
        config.extraTopics().isEmpty() ? Lexicon.defaults() : new Lexicon(config.extraTopics()));
  }

  /** Writes the model in the versioned binary form. The stream is not closed. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(MAGIC);
    DataOutputStream header = new DataOutputStream(out);
    header.writeInt(VERSION);
    header.flush();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16);
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(z, 1 << 16));
    d.writeInt(Features.BITS);
    d.writeInt(examples);
    d.writeInt(heads.size());
    for (Head h : heads.values()) {
      d.writeUTF(h.label);
      d.writeInt(h.classes.length);
      for (String c : h.classes) {
        d.writeUTF(c);
      }
      d.writeFloat(h.scale);
      for (int c = 0; c < h.classes.length; c++) {
        int nnz = 0;
        for (int i = 0; i < Features.DIM; i++) {
          if (h.q[i * h.classes.length + c] != 0) {
            nnz++;
          }
        }
        d.writeInt(nnz);
        int last = 0;
        for (int i = 0; i < Features.DIM; i++) {
          short x = h.q[i * h.classes.length + c];
          if (x != 0) {
            writeVarInt(d, i - last);
            last = i;
            d.writeShort(x);
          }
        }
      }
    }
    d.writeInt(END);
    d.flush();
    z.finish();
    deflater.end();
  }

  /** Writes the model to a file, replacing it. */
  public void writeTo(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      writeTo(out);
    }
  }

  /**
   * Reads a model written by {@link #writeTo}; the stream must end where the model does.
   *
   * @throws ModelFormatException if the data is not a model, is truncated, has another version or is
   *     followed by other data
   * @throws IOException if reading fails
   */
  public static ClassifierModel readFrom(InputStream in) throws IOException {
    DataInputStream head = new DataInputStream(in);
    byte[] magic = new byte[4];
    int version;
    try {
      head.readFully(magic);
      if (magic[0] != MAGIC[0] || magic[1] != MAGIC[1] || magic[2] != MAGIC[2] || magic[3] != MAGIC[3]) {
        throw new ModelFormatException("not a Crisis Kit classifier model: expected the magic bytes 'CKCM'"
            + " at the start; write one with ./crisis train");
      }
      version = head.readInt();
    } catch (EOFException e) {
      throw new ModelFormatException("model file truncated: it ends inside the header", e);
    }
    if (version != VERSION) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "model format version %d is not supported (this release reads version %d); train the model again"
              + " with ./crisis train", version, VERSION));
    }
    Inflater inflater = new Inflater();
    try {
      DataInputStream d = new DataInputStream(new BufferedInputStream(new InflaterInputStream(in, inflater), 1 << 16));
      int bits = d.readInt();
      if (bits != Features.BITS) {
        throw new ModelFormatException("model feature space 2^" + bits + " does not match 2^" + Features.BITS
            + " of this release; train the model again with ./crisis train");
      }
      int examples = d.readInt();
      int nHeads = d.readInt();
      if (nHeads < 1 || nHeads > 3) {
        throw new ModelFormatException("model declares " + nHeads + " labels; expected 1 to 3");
      }
      Map<String, Head> heads = new LinkedHashMap<>();
      for (int h = 0; h < nHeads; h++) {
        String label = d.readUTF();
        if (!LABELS.contains(label)) {
          throw new ModelFormatException("model has a label this release does not know: '" + label
              + "', expected " + String.join(", ", LABELS) + "; train the model again with ./crisis train");
        }
        if (heads.containsKey(label)) {
          throw new ModelFormatException("model declares label '" + label + "' twice; expected each of "
              + String.join(", ", LABELS) + " at most once");
        }
        int k = d.readInt();
        if (k < 2 || k > 16) {
          throw new ModelFormatException("label " + label + " declares " + k + " classes; expected 2 to 16");
        }
        String[] classes = new String[k];
        for (int c = 0; c < k; c++) {
          classes[c] = d.readUTF();
        }
        float scale = d.readFloat();
        if (!(scale >= Float.MIN_NORMAL) || !Float.isFinite(scale * Short.MAX_VALUE)) {
          throw new ModelFormatException("label " + label + ": corrupt weight scale " + scale);
        }
        short[] w = new short[k * Features.DIM];
        for (int c = 0; c < k; c++) {
          int nnz = d.readInt();
          if (nnz < 0 || nnz > Features.DIM) {
            throw new ModelFormatException("label " + label + ": corrupt weight count " + nnz);
          }
          int pos = 0;
          for (int i = 0; i < nnz; i++) {
            pos += readVarInt(d);
            if (pos < 0 || pos >= Features.DIM) {
              throw new ModelFormatException("label " + label + ": corrupt weight index " + pos);
            }
            w[pos * k + c] = d.readShort();
          }
        }
        heads.put(label, new Head(label, classes, w, scale));
      }
      if (d.readInt() != END) {
        throw new ModelFormatException("model file corrupt: end marker missing");
      }
      if (d.read() != -1 || !inflater.finished()) {
        throw new ModelFormatException("model file truncated or followed by other data after the end marker");
      }
      // bytes after the compressed data: read ahead into the inflater, or still in the stream
      if (inflater.getRemaining() > 0 || in.read() != -1) {
        throw new ModelFormatException("model file followed by other data after its end");
      }
      return new ClassifierModel(heads, examples);
    } catch (EOFException e) {
      throw new ModelFormatException("model file truncated: it ends before the end marker", e);
    } catch (ZipException e) {
      throw new ModelFormatException("model file corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Reads a model file. */
  public static ClassifierModel readFrom(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return readFrom(in);
    } catch (ModelFormatException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  private static void writeVarInt(DataOutputStream d, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      d.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    d.writeByte(v);
  }

  private static int readVarInt(DataInputStream d) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = d.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new ModelFormatException("model file corrupt: bad variable-length integer");
  }

  @Override
  public String toString() {
    List<String> s = new ArrayList<>();
    heads.values().forEach(h -> s.add(h.label + "=" + String.join("/", h.classes)));
    return "ClassifierModel" + s + " (" + examples + " examples)";
  }
}
