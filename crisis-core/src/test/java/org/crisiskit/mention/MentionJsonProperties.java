package org.crisiskit.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MentionJsonProperties {
  @Provide
  Arbitrary<Mention> mentions() {
    return MentionFixtures.mentions();
  }

  @Property(tries = 200)
  void anyValidMentionSurvivesItsJsonForm(@ForAll("mentions") Mention m) {
    String json = MentionJson.toJson(m);
    Mention back = MentionJson.parse(json);
    assertEquals(m, back);
    assertEquals(json, MentionJson.toJson(back));
  }

  @Provide
  Arbitrary<String> mangled() {
    Arbitrary<String> valid = MentionFixtures.mentions().map(MentionJson::toJson);
    return Arbitraries.oneOf(
        valid.flatMap(s -> Arbitraries.integers().between(0, s.length() - 1).map(i -> s.substring(0, i))),
        valid.flatMap(s -> Arbitraries.integers().between(0, s.length() - 1)
            .flatMap(i -> Arbitraries.chars().ascii().map(c -> s.substring(0, i) + c + s.substring(i + 1)))),
        Arbitraries.strings().ofMaxLength(40));
  }

  /** A parser either succeeds or throws the documented exception, never anything else. */
  @Property(tries = 200)
  void parseSucceedsOrThrowsMentionFormatException(@ForAll("mangled") String json) {
    try {
      Mention m = MentionJson.parse(json);
      assertEquals(m, MentionJson.parse(MentionJson.toJson(m)));
    } catch (MentionFormatException e) {
      assertEquals(true, e.path().startsWith("$"), e.getMessage());
    }
  }
}
