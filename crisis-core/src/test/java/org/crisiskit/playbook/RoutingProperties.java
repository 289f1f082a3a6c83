package org.crisiskit.playbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;

class RoutingProperties {
  @Provide
  Arbitrary<Classification> classifications() {
    List<String> topics = new ArrayList<>(Topics.BUILT_IN);
    topics.addAll(List.of("politics", "religion", "tragedy", "something_else"));
    return Combinators.combine(
        Arbitraries.of(Intent.class),
        Arbitraries.of(topics).set().ofMaxSize(3),
        Arbitraries.of(Flag.class).set().ofMaxSize(2),
        Arbitraries.of("es", "en", "fr", "und"))
        .as((i, t, f, l) -> Fixtures.classification(i, l, t, f));
  }

  @Property(tries = 300)
  void everyMentionGetsARouteOrTheDefault(@ForAll("classifications") Classification c,
      @ForAll @IntRange(min = 0, max = 10) int crisis, @ForAll @IntRange(min = 0, max = 1_000_000) int followers) {
    Playbook p = Playbook.sample();
    TriageInput in = new TriageInput(Fixtures.mention("1", "a", followers, "x", c.lang(), Fixtures.T0), c, crisis);
    RouteRule r = p.route(in);
    assertFalse(r.department().isBlank());
    boolean ruleMatched = p.routes().stream().anyMatch(x -> x.when().matches(in));
    assertTrue(ruleMatched ? p.routes().contains(r) : r.department().equals(p.defaultDepartment()));
    assertTrue(Set.of("logistics", "billing", "tech_support", "quality", "community", "customer_care")
        .contains(r.department()));
  }
}
