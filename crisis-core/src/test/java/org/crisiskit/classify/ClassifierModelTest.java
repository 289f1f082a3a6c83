package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierModelTest {
  static List<LabelledText> examples() {
    List<LabelledText> out = new ArrayList<>();
    String[] neg = {"my order never arrived", "worst airline ever", "still waiting for my refund",
        "mi pedido no ha llegado", "servicio pésimo", "the app crashes all the time"};
    String[] pos = {"love the new app", "great service thank you", "excellent support team",
        "me encanta la app", "gracias por todo, genial", "fast delivery, very happy"};
    String[] neu = {"what time do you open", "the store is on main street", "new flight schedule posted",
        "horario de la tienda", "hay tienda en Madrid", "the event is on Monday"};
    for (int rep = 0; rep < 3; rep++) {
      for (String t : neg) {
        out.add(new LabelledText(t, Optional.empty(), Optional.of(Polarity.NEGATIVE), Optional.of(Intent.COMPLAINT),
            Optional.of(t.contains("worst"))));
      }
      for (String t : pos) {
        out.add(new LabelledText(t, Optional.empty(), Optional.of(Polarity.POSITIVE), Optional.of(Intent.PRAISE),
            Optional.of(false)));
      }
      for (String t : neu) {
        out.add(new LabelledText(t, Optional.empty(), Optional.of(Polarity.NEUTRAL), Optional.of(Intent.NEUTRAL),
            Optional.of(false)));
      }
    }
    return out;
  }

  @Test
  void learnsTrainingDataAndSurvivesARoundTrip() throws IOException {
    ClassifierModel model = ClassifierTraining.train(examples());
    assertEquals(List.of("polarity", "intent", "abusive"), model.labels());
    Classifier c = model.classifier();
    int right = 0;
    for (LabelledText t : examples()) {
      if (c.classify(t.text(), t.lang()).polarity() == t.polarity().get()) {
        right++;
      }
    }
    assertTrue(right >= examples().size() * 9 / 10, "training accuracy " + right);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.writeTo(out);
    ClassifierModel back = ClassifierModel.readFrom(new ByteArrayInputStream(out.toByteArray()));
    Classifier c2 = back.classifier();
    for (LabelledText t : examples()) {
      assertEquals(c.classify(t.text(), t.lang()), c2.classify(t.text(), t.lang()));
    }
  }

  @Test
  void truncatedModelIsRejected() throws IOException {
    byte[] bytes = bytes();
    for (int len : new int[] {0, 3, 6, bytes.length / 2, bytes.length - 1}) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ClassifierModel.readFrom(new ByteArrayInputStream(Arrays.copyOf(bytes, len))));
      assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
    }
  }

  @Test
  void bytesAfterTheModelAreRejected(@TempDir Path dir) throws IOException {
    byte[] bytes = bytes();
    for (int extra : new int[] {1, 7, 200_000}) {
      byte[] longer = Arrays.copyOf(bytes, bytes.length + extra);
      longer[bytes.length] = 'x';
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ClassifierModel.readFrom(new ByteArrayInputStream(longer)));
      assertTrue(e.getMessage().contains("followed by other data"), e.getMessage());
      Path file = dir.resolve("m" + extra + ".ckm");
      Files.write(file, longer);
      ModelFormatException f = assertThrows(ModelFormatException.class, () -> ClassifierModel.readFrom(file));
      assertTrue(f.getMessage().contains(file + ": model file followed by other data"), f.getMessage());
    }
    Path exact = dir.resolve("exact.ckm");
    Files.write(exact, bytes);
    assertEquals(List.of("polarity", "intent", "abusive"), ClassifierModel.readFrom(exact).labels());
  }

  @Test
  void otherVersionIsRejected() throws IOException {
    byte[] bytes = bytes();
    ByteBuffer.wrap(bytes).putInt(4, ClassifierModel.VERSION + 1);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ClassifierModel.readFrom(new ByteArrayInputStream(bytes)));
    assertTrue(e.getMessage().contains("version " + (ClassifierModel.VERSION + 1)), e.getMessage());
  }

  /**
   * Earlier versions mean other features: version 1 hashed character 3–5-grams with fewer dense
   * scores, version 2 held 32-bit float weights and hashed grams otherwise, version 3 had no
   * polarity-layer features. Never misread them.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void earlierVersionsAreRejectedWithAHintToRetrain(int version) throws IOException {
    byte[] bytes = bytes();
    ByteBuffer.wrap(bytes).putInt(4, version);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ClassifierModel.readFrom(new ByteArrayInputStream(bytes)));
    assertTrue(e.getMessage().contains("version " + version + " is not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("./crisis train"), e.getMessage());
  }

  @Test
  void quantisingRefusesNonFiniteWeightsAndZeroesTinyOnes() {
    String[] classes = {"false", "true"};
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ClassifierModel.Head.quantise("abusive", classes, new float[] {0.5f, bad}));
      assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }
    ClassifierModel.Head tiny = ClassifierModel.Head.quantise("abusive", classes, new float[] {1e-42f, -1e-42f});
    assertEquals(1f, tiny.scale);
    assertEquals(0, tiny.q[0]);
    ClassifierModel.Head h = ClassifierModel.Head.quantise("abusive", classes, new float[] {0.5f, -1f});
    assertEquals(-Short.MAX_VALUE, h.q[1]);
    assertEquals(0.5f, h.weight(0, 0), 1e-4f);
  }

  @Test
  void aCorruptWeightScaleIsRejected() throws IOException {
    ClassifierModel model = ClassifierTraining.train(examples());
    for (float scale : new float[] {0f, -1f, Float.NaN, 3e38f}) {
      ClassifierModel.Head h = model.heads.values().iterator().next();
      ClassifierModel bad = new ClassifierModel(
          java.util.Map.of(h.label, new ClassifierModel.Head(h.label, h.classes, h.q, scale)), 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      bad.writeTo(out);
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ClassifierModel.readFrom(new ByteArrayInputStream(out.toByteArray())));
      assertTrue(e.getMessage().contains("corrupt weight scale"), e.getMessage());
    }
  }

  @Test
  void notAModelIsRejected() {
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ClassifierModel.readFrom(new ByteArrayInputStream("{\"json\": true}".getBytes())));
    assertTrue(e.getMessage().contains("magic"), e.getMessage());
  }

  @Test
  void trainingNeedsTwoValuesOfSomeLabel() {
    List<LabelledText> one = List.of(new LabelledText("a", Optional.empty(), Optional.of(Polarity.NEUTRAL),
        Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> ClassifierTraining.train(one));
  }

  @Test
  void unknownAndRepeatedLabelsAreRejectedNamingTheExpectedOnes() throws IOException {
    assertEquals(List.of("abusive"), ClassifierModel.readFrom(new ByteArrayInputStream(handMade("abusive"))).labels());
    for (String[] labels : List.of(new String[] {"sentiment"}, new String[] {"polarity", "Intent"})) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ClassifierModel.readFrom(new ByteArrayInputStream(handMade(labels))));
      assertTrue(e.getMessage().contains("'" + labels[labels.length - 1] + "'")
          && e.getMessage().contains("polarity, intent, abusive"), e.getMessage());
    }
    ModelFormatException twice = assertThrows(ModelFormatException.class,
        () -> ClassifierModel.readFrom(new ByteArrayInputStream(handMade("abusive", "abusive"))));
    assertTrue(twice.getMessage().contains("'abusive' twice"), twice.getMessage());
  }

  @Test
  void classNamesMustBeTheLowerCaseJsonNamesEachOnce() throws IOException {
    ClassifierModel.Head h = ClassifierTraining.train(examples()).heads.get("polarity");
    List<String> canonical = Arrays.asList(h.classes);
    for (String[] classes : List.of(canonical.stream().map(c -> c.equals("positive") ? "POSITIVE" : c).toArray(String[]::new),
        canonical.stream().map(c -> c.equals("negative") ? "Negative" : c).toArray(String[]::new),
        canonical.stream().map(c -> c.equals("neutral") ? "positive" : c).toArray(String[]::new))) {
      ClassifierModel m = new ClassifierModel(
          java.util.Map.of("polarity", new ClassifierModel.Head("polarity", classes, h.q, h.scale)), 1);
      ModelFormatException e = assertThrows(ModelFormatException.class, m::classifier);
      assertTrue(e.getMessage().contains("POSITIVE', expected one of negative, neutral, positive (lower case)")
          || e.getMessage().contains("Negative', expected one of") || e.getMessage().contains("'positive' appears twice"),
          e.getMessage());
    }
    String[] abusive = {"false", "TRUE"};
    ClassifierModel m = new ClassifierModel(java.util.Map.of("abusive",
        new ClassifierModel.Head("abusive", abusive, new short[2 * Features.DIM], 1f)), 1);
    assertThrows(ModelFormatException.class, m::classifier);
  }

  /** A model file written by hand: the labels, each with classes false and true and no weights. */
  private static byte[] handMade(String... labels) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream header = new DataOutputStream(out);
    header.write(ClassifierModel.MAGIC);
    header.writeInt(ClassifierModel.VERSION);
    header.flush();
    DeflaterOutputStream z = new DeflaterOutputStream(out);
    DataOutputStream d = new DataOutputStream(z);
    d.writeInt(Features.BITS);
    d.writeInt(1);
    d.writeInt(labels.length);
    for (String label : labels) {
      d.writeUTF(label);
      d.writeInt(2);
      d.writeUTF("false");
      d.writeUTF("true");
      d.writeFloat(1f);
      d.writeInt(0);
      d.writeInt(0);
    }
    d.writeInt(0x454e4421); // end marker
    d.flush();
    z.finish();
    return out.toByteArray();
  }

  private static byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClassifierTraining.train(examples()).writeTo(out);
    return out.toByteArray();
  }
}
