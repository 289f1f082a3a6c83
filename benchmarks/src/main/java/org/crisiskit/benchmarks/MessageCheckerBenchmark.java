package org.crisiskit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crisiskit.check.CheckResult;
import org.crisiskit.check.MessageChecker;
import org.crisiskit.check.NetworkRules;
import org.crisiskit.check.OutgoingMessage;
import org.crisiskit.classify.Intent;
import org.crisiskit.playbook.Playbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of checking one outgoing message with every built-in check, against the baseline of only
 * counting its weighted length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MessageCheckerBenchmark {
  private final MessageChecker checker = MessageChecker.forPlaybook(Playbook.sample(), NetworkRules.x());
  private final OutgoingMessage clean = OutgoingMessage.newBuilder(
      "@ana sentimos mucho el retraso de tu pedido. Nuestro equipo de logística lo está revisando; "
          + "te escribimos por mensaje privado para resolverlo cuanto antes.")
      .customerLang("es").replyTo("ana").intent(Intent.COMPLAINT).build();
  private final OutgoingMessage blocked = OutgoingMessage.newBuilder(
      "Como ya te dijimos, es culpa tuya: tu pedido nº 4815162342 llega el {eta}, te lo garantizamos. "
          + "Escribe a ana.perez@correo.es o mira bit.ly/xyz")
      .customerLang("es").replyTo("ana").intent(Intent.COMPLAINT).build();

  @Benchmark
  public int baselineWeightedLength() {
    return NetworkRules.x().weightedLength(clean.text());
  }

  @Benchmark
  public CheckResult checkCleanReply() {
    return checker.check(clean);
  }

  @Benchmark
  public CheckResult checkBlockedReply() {
    return checker.check(blocked);
  }
}
