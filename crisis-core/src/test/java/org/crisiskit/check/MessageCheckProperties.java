package org.crisiskit.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisiskit.playbook.Template;

class MessageCheckProperties {
  private final MessageChecker checker = MessageChecker.ofDefaults();

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12),
        Arbitraries.of(" ", "{eta}", "{author}", "{", "}", "https://acme.example/x ", "日本", "\uD83D\uDC4D",
            "\u200D", "ñ", "lo sentimos ", "sorry ", "@ana ", "\n"),
        Arbitraries.strings().ofMaxLength(5));
    return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void aPassingMessageFitsItsLimitAndHasNoPlaceholder(@ForAll("texts") String text,
      @ForAll("handles") String handle, @ForAll boolean isPublic) {
    OutgoingMessage m = OutgoingMessage.newBuilder(text).replyTo(handle).publicMessage(isPublic).build();
    CheckResult r = checker.check(m);
    if (r.passes()) {
      NetworkRules x = NetworkRules.x();
      int limit = isPublic ? x.maxLength() : x.maxPrivateLength(); // 280 public, 10,000 in a DM
      assertTrue(x.weightedLength(m.handlePrefix() + text) <= limit);
      assertFalse(Template.PLACEHOLDER.matcher(text).find(), text);
    }
  }

  @Provide
  Arbitrary<String> handles() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(15);
  }

  @Property(tries = 200)
  void findingSpansLieInsideTheText(@ForAll("texts") String text) {
    for (Finding f : checker.check(OutgoingMessage.of(text)).findings()) {
      assertTrue(f.end() <= text.length());
    }
  }
}
